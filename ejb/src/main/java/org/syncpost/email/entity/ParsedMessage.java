package org.syncpost.email.entity;

import java.time.Instant;
import java.util.List;

/**
 * A received message as SyncPost understood it.
 *
 * @param sentOn the Date header, or {@code null} when missing or unreadable
 * @param autoSubmitted an auto-reply, bulk mail or a loop: nothing may answer it
 */
public record ParsedMessage(
    EmailContent content, List<AttachmentData> attachments, Instant sentOn, boolean autoSubmitted) {

  public ParsedMessage {
    attachments = List.copyOf(attachments);
  }
}
