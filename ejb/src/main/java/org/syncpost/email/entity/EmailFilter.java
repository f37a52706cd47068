package org.syncpost.email.entity;

import java.time.Instant;

/**
 * Which emails a list shows; {@code null} fields do not filter.
 *
 * @param since received or sent (or created, for unsent) at or after
 * @param until before
 * @param subject words the subject contains, in any letter case
 * @param sender text the sender's address or name contains, in any letter case
 * @param text text the subject, the sender or any to or cc address contains, in any letter case
 *     (the API's {@code q})
 */
public record EmailFilter(
    Long mailboxId,
    Direction direction,
    EmailStatus status,
    Instant since,
    Instant until,
    Long conversationId,
    String subject,
    String sender,
    String text) {

  public EmailFilter {
    subject = blankAsNull(subject);
    sender = blankAsNull(sender);
    text = blankAsNull(text);
  }

  /** Without the search across subject, sender and recipients. */
  public EmailFilter(
      Long mailboxId,
      Direction direction,
      EmailStatus status,
      Instant since,
      Instant until,
      Long conversationId,
      String subject,
      String sender) {
    this(mailboxId, direction, status, since, until, conversationId, subject, sender, null);
  }

  /** Without text search. */
  public EmailFilter(
      Long mailboxId,
      Direction direction,
      EmailStatus status,
      Instant since,
      Instant until,
      Long conversationId) {
    this(mailboxId, direction, status, since, until, conversationId, null, null, null);
  }

  /** The emails of one conversation. */
  public static EmailFilter conversation(long conversationId) {
    return new EmailFilter(null, null, null, null, null, conversationId);
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
