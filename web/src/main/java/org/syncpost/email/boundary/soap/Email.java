package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.email.entity.CorrelationMethod;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.email.entity.Protection;

/** An email record, incoming or outgoing, with the field names of the REST JSON contract. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    propOrder = {
      "id",
      "version",
      "createdOn",
      "modifiedOn",
      "direction",
      "status",
      "subject",
      "from",
      "to",
      "cc",
      "bcc",
      "textBody",
      "htmlBody",
      "messageId",
      "inReplyTo",
      "references",
      "trackingToken",
      "conversationId",
      "correlationMethod",
      "autoSubmitted",
      "receivedOn",
      "sentOn",
      "sendAt",
      "nextAttemptAt",
      "deliveryAttempts",
      "lastError",
      "deliveryReport",
      "signature",
      "signer",
      "encryption",
      "senderMailboxId",
      "receivingMailboxIds",
      "attachments"
    })
public class Email {

  public long id;
  public long version;
  public Instant createdOn;
  public Instant modifiedOn;
  public Direction direction;
  public EmailStatus status;
  public String subject;
  public String from;
  public List<String> to = new ArrayList<>();
  public List<String> cc = new ArrayList<>();
  public List<String> bcc = new ArrayList<>();
  public String textBody;
  public String htmlBody;
  public String messageId;
  public String inReplyTo;
  public List<String> references = new ArrayList<>();
  public String trackingToken;
  public Long conversationId;
  public CorrelationMethod correlationMethod;
  public boolean autoSubmitted;
  public Instant receivedOn;
  public Instant sentOn;
  public Instant sendAt;
  public Instant nextAttemptAt;
  public int deliveryAttempts;
  public String lastError;

  /** Outgoing: each recipient's outcome from delivery status notifications (issue 16). */
  public List<String> deliveryReport = new ArrayList<>();

  /** Received: the S/MIME signature's state and signer, and the encryption (issue 16). */
  public Protection.Signature signature;

  public String signer;
  public Protection.Encryption encryption;
  public Long senderMailboxId;

  public List<Long> receivingMailboxIds = new ArrayList<>();

  public List<AttachmentInfo> attachments = new ArrayList<>();

  static Email of(EmailRecord e) {
    Email email = new Email();
    email.id = e.getId();
    email.version = e.getVersion();
    email.createdOn = e.getCreatedOn();
    email.modifiedOn = e.getModifiedOn();
    email.direction = e.getDirection();
    email.status = e.getStatus();
    email.subject = e.getSubject();
    email.from = e.getFrom();
    email.to.addAll(e.getTo());
    email.cc.addAll(e.getCc());
    email.bcc.addAll(e.getBcc());
    email.textBody = e.getTextBody();
    email.htmlBody = e.getHtmlBody();
    email.messageId = e.getMessageId();
    email.inReplyTo = e.getInReplyTo();
    email.references.addAll(e.getReferences());
    email.trackingToken = e.getTrackingToken();
    email.conversationId = e.getConversationId();
    email.correlationMethod = e.getCorrelationMethod();
    email.autoSubmitted = e.isAutoSubmitted();
    email.receivedOn = e.getReceivedOn();
    email.sentOn = e.getSentOn();
    email.sendAt = e.getSendAt();
    email.nextAttemptAt = e.getNextAttemptAt();
    email.deliveryAttempts = e.getDeliveryAttempts();
    email.lastError = e.getLastDeliveryError();
    email.deliveryReport.addAll(e.getDeliveryReport());
    email.signature = e.getProtection().signature();
    email.signer = e.getProtection().signer();
    email.encryption = e.getProtection().encryption();
    email.senderMailboxId = e.getSenderMailbox() == null ? null : e.getSenderMailbox().getId();
    e.getReceivingMailboxes().stream()
        .map(m -> m.getId())
        .sorted()
        .forEach(email.receivingMailboxIds::add);
    e.getAttachments().stream().map(AttachmentInfo::of).forEach(email.attachments::add);
    return email;
  }
}
