package org.syncpost.outgoing.entity;

import java.util.List;
import org.syncpost.email.entity.AttachmentData;

/**
 * One claimed email record as the SMTP submitter needs it, read in a transaction so that none stays
 * open while SyncPost talks to the server.
 *
 * @param recordId the email record
 * @param attempt which delivery attempt this is, from 1
 * @param subject the subject as sent (with the tracking token when correlation is on)
 * @param autoSubmitted whether SyncPost generated it by itself (RFC 3834 Auto-Submitted)
 */
public record OutgoingMessage(
    long recordId,
    int attempt,
    String messageId,
    String from,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String textBody,
    String htmlBody,
    String inReplyTo,
    List<String> references,
    List<AttachmentData> attachments,
    boolean autoSubmitted) {

  /** Records print every component: this one leaves out bodies and attachments. */
  @Override
  public String toString() {
    return "OutgoingMessage[record " + recordId + ", attempt " + attempt + ", " + messageId + "]";
  }
}
