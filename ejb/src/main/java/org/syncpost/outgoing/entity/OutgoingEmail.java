package org.syncpost.outgoing.entity;

import java.time.Instant;
import java.util.List;
import org.syncpost.email.entity.AttachmentData;

/**
 * An email an application or a person asks SyncPost to send, as it arrives: addresses as RFC 5322
 * strings, not yet checked.
 *
 * @param sendAt when to send it, or {@code null} for as soon as possible
 * @param draft keep it as a draft, to be sent later
 * @param autoSubmitted the application generated it without a person writing it (a notification, an
 *     acknowledgement, a reminder): it goes out with {@code Auto-Submitted: auto-generated} (RFC
 *     3834 §5), so that auto-responders and vacation notices do not answer it
 */
public record OutgoingEmail(
    Long senderMailboxId,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String textBody,
    String htmlBody,
    List<AttachmentData> attachments,
    Instant sendAt,
    boolean draft,
    boolean autoSubmitted) {

  public OutgoingEmail {
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
