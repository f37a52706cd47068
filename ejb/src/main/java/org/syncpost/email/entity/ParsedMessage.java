package org.syncpost.email.entity;

import java.time.Instant;
import java.util.List;

/**
 * A received message as SyncPost understood it.
 *
 * @param sentOn the Date header, or {@code null} when missing or unreadable
 * @param autoSubmitted an auto-reply, bulk mail or a loop: nothing may answer it
 * @param deliveryReport what it reports when it is a delivery status notification, else {@code
 *     null}
 * @param protection its S/MIME signature's state and whether it is encrypted
 */
public record ParsedMessage(
    EmailContent content,
    List<AttachmentData> attachments,
    Instant sentOn,
    boolean autoSubmitted,
    DeliveryReport deliveryReport,
    Protection protection) {

  public ParsedMessage {
    attachments = List.copyOf(attachments);
    protection = protection == null ? Protection.NONE : protection;
  }

  /** A message that is not a delivery status notification. */
  public ParsedMessage(
      EmailContent content,
      List<AttachmentData> attachments,
      Instant sentOn,
      boolean autoSubmitted) {
    this(content, attachments, sentOn, autoSubmitted, null, Protection.NONE);
  }
}
