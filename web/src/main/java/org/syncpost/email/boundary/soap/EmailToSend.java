package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An email to send, with the names of the REST contract ({@code POST /api/v1/emails}). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    propOrder = {
      "senderMailboxId",
      "to",
      "cc",
      "bcc",
      "subject",
      "textBody",
      "htmlBody",
      "attachments",
      "sendAt",
      "draft",
      "autoSubmitted",
      "clientRequestId"
    })
public class EmailToSend {

  public Long senderMailboxId;

  public List<String> to = new ArrayList<>();
  public List<String> cc = new ArrayList<>();
  public List<String> bcc = new ArrayList<>();
  public String subject;
  public String textBody;
  public String htmlBody;

  public List<AttachmentContent> attachments = new ArrayList<>();

  /** When to send it; absent: as soon as possible. */
  public Instant sendAt;

  /** Keep it as a draft. */
  public Boolean draft;

  /**
   * Sent by a program, not a person: {@code Auto-Submitted: auto-generated} (RFC 3834), so that
   * auto-responders do not answer it.
   */
  public Boolean autoSubmitted;

  /**
   * The caller's id of this request (1 to 255 visible ASCII characters, e.g. a UUID): the same id
   * and email within 24 hours answer the email created the first time and create nothing; the same
   * id with a different email is a validation fault. As REST's {@code Idempotency-Key}.
   */
  public String clientRequestId;

  /** The request as a fingerprint sees it: every field but the client request id. */
  String canonical() {
    StringBuilder text = new StringBuilder();
    text.append(senderMailboxId).append('\n').append(to).append('\n').append(cc).append('\n');
    text.append(bcc).append('\n').append(subject).append('\n').append(textBody).append('\n');
    text.append(htmlBody).append('\n').append(sendAt).append('\n').append(draft).append('\n');
    text.append(autoSubmitted).append('\n');
    for (AttachmentContent attachment : attachments) {
      text.append(attachment.fingerprintText()).append('\n');
    }
    return text.toString();
  }
}
