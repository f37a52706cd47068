package org.syncpost.email.entity;

/**
 * Where an email record is in its life. Outgoing: DRAFT → PENDING_SEND → SENDING → SENT or FAILED,
 * or CANCELED before it is sent. Incoming: RECEIVED.
 */
public enum EmailStatus {
  DRAFT,
  PENDING_SEND,
  SENDING,
  SENT,
  FAILED,
  RECEIVED,
  CANCELED
}
