package org.syncpost.email.entity;

import java.util.List;

/**
 * What an email says, whichever way it travels: addresses as RFC 5322 strings ({@code "Name"
 * <a@b.c>}), subject decoded, bodies as text.
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
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
    references = references == null ? List.of() : List.copyOf(references);
  }
}
