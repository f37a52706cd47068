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
      "draft"
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
}
