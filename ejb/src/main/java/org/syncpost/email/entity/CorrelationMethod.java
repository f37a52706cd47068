package org.syncpost.email.entity;

/** How an email was linked to the conversation it belongs to. */
public enum CorrelationMethod {
  /** Its In-Reply-To header names a known Message-ID. */
  IN_REPLY_TO,
  /** Its References header names a known Message-ID. */
  REFERENCES,
  /** Its subject carries the tracking token of a known email. */
  TRACKING_TOKEN,
  /**
   * It is a delivery status notification (RFC 3464) about an email SyncPost sent: kept in that
   * email's conversation, never a conversation of its own.
   */
  DELIVERY_REPORT,
  /** It starts a conversation of its own. */
  NONE
}
