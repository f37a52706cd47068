package org.syncpost.email.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * How an outgoing email's delivery goes: when it is due, its attempts, the last error, and the
 * lease of the node sending it. Immutable: each state change answers a new part, which {@link
 * EmailRecord} keeps after checking its status. A received email has the empty part (no attempt).
 */
@Embeddable
public class OutgoingDelivery {

  static final OutgoingDelivery NONE = new OutgoingDelivery(null, null, 0, null, null);

  @Column(name = "send_at")
  private Instant sendAt;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "delivery_attempts", nullable = false)
  private int deliveryAttempts;

  @Column(name = "last_delivery_error", length = 4000)
  private String lastDeliveryError;

  /** While SENDING: the node that claimed it must have finished by then, or it is sent again. */
  @Column(name = "sending_lease_until")
  private Instant sendingLeaseUntil;

  protected OutgoingDelivery() {}

  private OutgoingDelivery(
      Instant sendAt,
      Instant nextAttemptAt,
      int deliveryAttempts,
      String lastDeliveryError,
      Instant sendingLeaseUntil) {
    this.sendAt = sendAt;
    this.nextAttemptAt = nextAttemptAt;
    this.deliveryAttempts = deliveryAttempts;
    this.lastDeliveryError = truncated(lastDeliveryError);
    this.sendingLeaseUntil = sendingLeaseUntil;
  }

  /** Due at {@code sendAt}, or at once when null; not tried yet. */
  static OutgoingDelivery dueAt(Instant sendAt) {
    return new OutgoingDelivery(sendAt, null, 0, null, null);
  }

  /** A node takes it to send it, until {@code leaseUntil}: one more attempt. */
  OutgoingDelivery started(Instant leaseUntil) {
    return new OutgoingDelivery(
        sendAt, nextAttemptAt, deliveryAttempts + 1, lastDeliveryError, leaseUntil);
  }

  /** Sent; {@code refusedRecipients} says which recipients the server refused, or is null. */
  OutgoingDelivery sent(String refusedRecipients) {
    return new OutgoingDelivery(sendAt, null, deliveryAttempts, refusedRecipients, null);
  }

  /** Sent, but the copy into the Sent folder failed: noted beside any refused recipient. */
  OutgoingDelivery copyFailed(String reason) {
    String note = "Sent, but not copied into the Sent folder: " + reason;
    return new OutgoingDelivery(
        sendAt,
        nextAttemptAt,
        deliveryAttempts,
        lastDeliveryError == null ? note : lastDeliveryError + " " + note,
        sendingLeaseUntil);
  }

  /** A transient failure: tried again at {@code nextAttempt}. */
  OutgoingDelivery retryAt(String error, Instant nextAttempt) {
    return new OutgoingDelivery(sendAt, nextAttempt, deliveryAttempts, error, null);
  }

  /** Sending could not even be tried: the attempt does not count. */
  OutgoingDelivery unsent(String reason) {
    return new OutgoingDelivery(
        sendAt, nextAttemptAt, Math.max(0, deliveryAttempts - 1), reason, null);
  }

  /** A permanent failure: not tried again. */
  OutgoingDelivery failed(String reason) {
    return new OutgoingDelivery(sendAt, null, deliveryAttempts, reason, null);
  }

  /** Nobody wants it sent any more. */
  OutgoingDelivery canceled() {
    return new OutgoingDelivery(
        sendAt, null, deliveryAttempts, lastDeliveryError, sendingLeaseUntil);
  }

  /** Due at the next tick: no waiting for send-at or backoff. */
  OutgoingDelivery dueNow() {
    return new OutgoingDelivery(null, null, deliveryAttempts, lastDeliveryError, sendingLeaseUntil);
  }

  private static String truncated(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
  }

  public Instant getSendAt() {
    return sendAt;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public int getDeliveryAttempts() {
    return deliveryAttempts;
  }

  public String getLastDeliveryError() {
    return lastDeliveryError;
  }

  public Instant getSendingLeaseUntil() {
    return sendingLeaseUntil;
  }
}
