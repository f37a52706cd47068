package org.syncpost.email.entity;

import java.util.List;

/**
 * What an email says, whichever way it travels: addresses as RFC 5322 strings ({@code "Name"
 * <a@b.c>}), subject decoded, bodies as text — every text as a database can store it ({@link
 * StorableText}: no U+0000).
 *
 * @param references the Message-IDs of the References header, oldest first
 */
public record EmailContent(
    String subject,
    String from,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String textBody,
    String htmlBody,
    String messageId,
    String inReplyTo,
    List<String> references) {

  public EmailContent {
    subject = StorableText.of(subject);
    from = StorableText.of(from);
    to = to == null ? List.of() : List.copyOf(StorableText.of(to));
    cc = cc == null ? List.of() : List.copyOf(StorableText.of(cc));
    bcc = bcc == null ? List.of() : List.copyOf(StorableText.of(bcc));
    textBody = StorableText.of(textBody);
    htmlBody = StorableText.of(htmlBody);
    messageId = StorableText.of(messageId);
    inReplyTo = StorableText.of(inReplyTo);
    references = references == null ? List.of() : List.copyOf(StorableText.of(references));
  }
}
