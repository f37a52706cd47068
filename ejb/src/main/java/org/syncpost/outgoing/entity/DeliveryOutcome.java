package org.syncpost.outgoing.entity;

/**
 * How one message fared at the SMTP server.
 *
 * @param text the server's reply or what went wrong, in plain words (for the record and alerts)
 * @param refusedRecipients when {@link Kind#SENT}: which recipients the server refused while
 *     accepting the others, or {@code null}
 */
public record DeliveryOutcome(Kind kind, String text, String refusedRecipients) {

  public enum Kind {
    /** The server took responsibility for the message (RFC 5321 §6.1). */
    SENT,
    /** 4xx or the connection was lost: trying again later may work. */
    TRANSIENT,
    /** 5xx, or no recipient was valid: trying again gives the same answer. */
    PERMANENT,
    /** Not tried: the connection was gone before this message's turn. */
    NOT_TRIED
  }

  public static DeliveryOutcome sent(String refusedRecipients) {
    return new DeliveryOutcome(Kind.SENT, null, refusedRecipients);
  }

  public static DeliveryOutcome transientFailure(String text) {
    return new DeliveryOutcome(Kind.TRANSIENT, text, null);
  }

  public static DeliveryOutcome permanentFailure(String text) {
    return new DeliveryOutcome(Kind.PERMANENT, text, null);
  }

  public static DeliveryOutcome notTried(String text) {
    return new DeliveryOutcome(Kind.NOT_TRIED, text, null);
  }
}
