package org.syncpost.email.entity;

/**
 * Where an email record is in its life. Outgoing: DRAFT → PENDING_SEND → SENDING → SENT or FAILED,
 * or CANCELED before it is sent; SENT → BOUNCED once delivery status notifications (RFC 3464) say
 * that every recipient's server refused it. Incoming: RECEIVED.
 */
public enum EmailStatus {
  DRAFT,
  PENDING_SEND,
  SENDING,
  SENT,
  FAILED,
  RECEIVED,
  CANCELED,
  BOUNCED
}
