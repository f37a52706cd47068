package org.syncpost.email.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.syncpost.audit.entity.Tracked;
import org.syncpost.mailbox.entity.Mailbox;

/**
 * One email, received or to be sent: who, what, its place in a conversation, and (outgoing) how its
 * delivery went. Mail addressed to several SyncPost mailboxes is one record linked to each.
 */
@Entity
@Table(name = "email_record")
@NamedQuery(
    name = EmailRecord.BY_MESSAGE_ID,
    query = "select e from EmailRecord e where e.messageId = :messageId order by e.id")
@NamedQuery(
    name = EmailRecord.BY_DELIVERY_KEYS,
    query = "select e from EmailRecord e where e.deliveryKey in :deliveryKeys order by e.id")
public class EmailRecord extends Tracked {

  public static final String BY_DELIVERY_KEYS = "EmailRecord.byDeliveryKeys";
  public static final String BY_MESSAGE_ID = "EmailRecord.byMessageId";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "email_record_seq")
  @SequenceGenerator(
      name = "email_record_seq",
      sequenceName = "email_record_seq",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Direction direction;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private EmailStatus status;

  @Column(length = 4000)
  private String subject;

  @Column(name = "from_address", length = 1000)
  private String from;

  @Embedded private Recipients recipients;

  @Column(name = "text_body")
  private String textBody;

  @Column(name = "html_body")
  private String htmlBody;

  @Column(name = "message_id", length = 1000)
  private String messageId;

  /**
   * The {@link DeliveryKey} of a received message, or {@code null} (no well-formed Message-ID, sent
   * by SyncPost, or stored before the key existed): only records with the same key are shared.
   */
  @Column(name = "delivery_key", length = 64)
  private String deliveryKey;

  @Column(name = "in_reply_to", length = 1000)
  private String inReplyTo;

  @Column(name = "references_header")
  private String references;

  @Column(name = "tracking_token", length = 100)
  private String trackingToken;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "conversation_id")
  private EmailRecord conversation;

  @Enumerated(EnumType.STRING)
  @Column(name = "correlation_method", nullable = false, length = 20)
  private CorrelationMethod correlationMethod = CorrelationMethod.NONE;

  /** Auto-replies, bounces and loops: recognised so that nothing answers them. */
  @Column(name = "auto_submitted", nullable = false)
  private boolean autoSubmitted;

  @ManyToOne
  @JoinColumn(name = "sender_mailbox_id")
  private Mailbox senderMailbox;

  @ManyToMany
  @JoinTable(
      name = "email_receiving_mailbox",
      joinColumns = @JoinColumn(name = "email_id"),
      inverseJoinColumns = @JoinColumn(name = "mailbox_id"))
  private Set<Mailbox> receivingMailboxes = new LinkedHashSet<>();

  @Column(name = "received_on")
  private Instant receivedOn;

  @Column(name = "sent_on")
  private Instant sentOn;

  /** Outgoing: when it is due, its attempts, the last error and the sending lease. */
  @Embedded private OutgoingDelivery delivery = OutgoingDelivery.dueAt(null);

  /** Outgoing: what delivery status notifications said (issue 16); null while none came. */
  @Embedded private DeliveryOutcomes deliveryOutcomes;

  /** Received: its S/MIME signature and encryption as found on receipt (issue 16). */
  @Embedded private ReceivedProtection protection;

  @OneToMany(mappedBy = "email", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Attachment> attachments = new ArrayList<>();

  protected EmailRecord() {}

  protected EmailRecord(Direction direction, EmailStatus status, EmailContent content) {
    this.direction = direction;
    this.status = status;
    this.subject = content.subject();
    this.from = content.from();
    this.recipients = new Recipients(content);
    this.textBody = content.textBody();
    this.htmlBody = content.htmlBody();
    this.messageId = content.messageId();
    this.inReplyTo = content.inReplyTo();
    this.references =
        content.references().isEmpty() ? null : String.join(" ", content.references());
  }

  /** An email received for {@code mailbox}, of unknown sending time. */
  public static EmailRecord received(EmailContent content, Mailbox mailbox, Instant receivedOn) {
    return received(content, mailbox, receivedOn, null, null);
  }

  /**
   * An email received for {@code mailbox}, sent (by its {@code Date} header) at {@code sentOn}, or
   * {@code null} when it has none; a delivery identified by its {@link DeliveryKey}, if it has one.
   */
  public static EmailRecord received(
      EmailContent content,
      Mailbox mailbox,
      Instant receivedOn,
      Instant sentOn,
      String deliveryKey) {
    EmailRecord record = new EmailRecord(Direction.INCOMING, EmailStatus.RECEIVED, content);
    record.receivingMailboxes.add(mailbox);
    record.receivedOn = receivedOn;
    record.sentOn = sentOn;
    record.deliveryKey = deliveryKey;
    return record;
  }

  /**
   * The same email also reached {@code mailbox}: one record, linked to both, only when it is the
   * same delivery (the same {@link DeliveryKey}), or a repeat in a mailbox that has it already. A
   * Message-ID alone never links a mailbox to somebody else's record.
   *
   * @throws IllegalArgumentException when it is another delivery
   */
  public void alsoReceivedBy(Mailbox mailbox, String otherDeliveryKey) {
    if (!isSameDeliveryAs(otherDeliveryKey) && !isReceivedBy(mailbox)) {
      throw new IllegalArgumentException(
          "email record " + getId() + " is another delivery; it is not shared with a new mailbox");
    }
    receivingMailboxes.add(mailbox);
  }

  private boolean isReceivedBy(Mailbox mailbox) {
    return receivingMailboxes.stream()
        .anyMatch(m -> m == mailbox || (m.getId() != null && m.getId().equals(mailbox.getId())));
  }

  /** Whether a message with {@code otherDeliveryKey} is this record's delivery. */
  private boolean isSameDeliveryAs(String otherDeliveryKey) {
    return deliveryKey != null && deliveryKey.equals(otherDeliveryKey);
  }

  public String getDeliveryKey() {
    return deliveryKey;
  }

  public void attach(AttachmentData data) {
    attachments.add(new Attachment(this, attachments.size(), data));
  }

  /** Links this email to the conversation of {@code earlier}, found by {@code method}. */
  public void correlateWith(EmailRecord earlier, CorrelationMethod method) {
    this.conversation = earlier.conversation != null ? earlier.conversation : earlier;
    this.correlationMethod = method;
  }

  /**
   * A delivery status notification about this email SyncPost sent: each recipient's outcome is
   * kept; a sent email whose every recipient failed is {@code BOUNCED} (a delayed delivery or a
   * failure of only some recipients leaves it {@code SENT}, with the outcomes shown).
   */
  public void deliveryReported(DeliveryReport report) {
    if (direction != Direction.OUTGOING) {
      throw new IllegalEmailTransition(id, status, "reported on", "an outgoing email");
    }
    if (deliveryOutcomes == null) {
      deliveryOutcomes = new DeliveryOutcomes();
    }
    List<String> recipients = new ArrayList<>(getTo());
    recipients.addAll(getCc());
    recipients.addAll(getBcc());
    if (deliveryOutcomes.add(report, recipients) && status == EmailStatus.SENT) {
      status = EmailStatus.BOUNCED;
    }
  }

  /** What delivery status notifications said, one line per recipient; empty while none came. */
  public List<String> getDeliveryReport() {
    return deliveryOutcomes == null ? List.of() : deliveryOutcomes.lines();
  }

  /** How its sender protected it, as SyncPost found on receipt. */
  public void protectedBy(Protection found) {
    this.protection = new ReceivedProtection(found);
  }

  public Protection getProtection() {
    return protection == null ? Protection.NONE : protection.asProtection();
  }

  public void markAutoSubmitted() {
    this.autoSubmitted = true;
  }

  public void assignTrackingToken(String token) {
    this.trackingToken = token;
  }

  // ---- outgoing: named state changes (DRAFT -> PENDING_SEND -> SENDING -> SENT | FAILED) ----

  /**
   * An email to be sent from {@code sender}: pending (due at {@code sendAt}, or at once when null),
   * or a draft to be sent later. It gets its Message-ID now, once: every attempt sends the same
   * one, so receivers can recognise a message sent twice after a crash.
   */
  public static EmailRecord outgoing(
      EmailContent content, Mailbox sender, Instant sendAt, boolean draft) {
    EmailRecord record =
        new EmailRecord(
            Direction.OUTGOING, draft ? EmailStatus.DRAFT : EmailStatus.PENDING_SEND, content);
    record.senderMailbox = sender;
    if (record.from == null) {
      record.from = sender.getEmail();
    }
    record.delivery = OutgoingDelivery.dueAt(sendAt);
    record.assignMessageId();
    return record;
  }

  /** {@code <uuid@sender-domain>} (RFC 5322 §3.6.4), unless the record has one already. */
  public void assignMessageId() {
    if (messageId != null) {
      return;
    }
    String address = senderMailbox != null ? senderMailbox.getEmail() : from;
    int at = address == null ? -1 : address.lastIndexOf('@');
    String domain =
        at < 0 ? "syncpost.invalid" : address.substring(at + 1).replace(">", "").strip();
    messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
  }

  /** A draft is handed over for sending. */
  public void submit() {
    require("sent", "a DRAFT", EmailStatus.DRAFT);
    status = EmailStatus.PENDING_SEND;
  }

  /**
   * A node takes the email to send it, until {@code leaseUntil}. The scheduler makes the same
   * change as one conditional UPDATE, so that two nodes never both take it (see {@code
   * OutgoingLedger}).
   */
  public void startSending(Instant at, Instant leaseUntil) {
    require("taken for sending", "PENDING_SEND", EmailStatus.PENDING_SEND);
    if (leaseUntil.isBefore(at)) {
      throw new IllegalArgumentException("a lease ends after it starts");
    }
    status = EmailStatus.SENDING;
    delivery = getDelivery().started(leaseUntil);
  }

  /**
   * The server accepted the message. {@code refusedRecipients} says which recipients it refused
   * when it accepted the message for the others, or is {@code null}.
   */
  public void sent(Instant at, String refusedRecipients) {
    require("marked sent", "SENDING", EmailStatus.SENDING);
    status = EmailStatus.SENT;
    sentOn = at;
    delivery = getDelivery().sent(refusedRecipients);
  }

  /**
   * Sent, but the copy into the sender's Sent folder failed: noted beside any refused recipient.
   */
  public void sentCopyFailed(String reason) {
    require("noted as sent without a copy", "SENT", EmailStatus.SENT);
    delivery = getDelivery().copyFailed(reason);
  }

  /** A transient failure (4xx, connection lost): tried again at {@code nextAttempt}. */
  public void retryLater(String error, Instant nextAttempt) {
    require("retried", "SENDING", EmailStatus.SENDING);
    status = EmailStatus.PENDING_SEND;
    delivery = getDelivery().retryAt(error, nextAttempt);
  }

  /**
   * Sending could not even be tried (the sender mailbox's server refused the sign-in, or no
   * connection was free): back to pending, and the attempt does not count.
   */
  public void returnUnsent(String reason) {
    require("returned to pending", "SENDING", EmailStatus.SENDING);
    status = EmailStatus.PENDING_SEND;
    delivery = getDelivery().unsent(reason);
  }

  /** A permanent failure (5xx, no valid recipient, retries exhausted): not tried again. */
  public void fail(String reason, Instant at) {
    require(
        "marked failed", "SENDING or PENDING_SEND", EmailStatus.SENDING, EmailStatus.PENDING_SEND);
    status = EmailStatus.FAILED;
    delivery = getDelivery().failed(reason);
  }

  /** Nobody wants it sent any more. */
  public void cancel() {
    require("canceled", "a DRAFT or PENDING_SEND", EmailStatus.DRAFT, EmailStatus.PENDING_SEND);
    status = EmailStatus.CANCELED;
    delivery = getDelivery().canceled();
  }

  /** An operator wants a pending email sent at the next tick: no waiting for send-at or backoff. */
  public void sendNow() {
    require("sent now", "PENDING_SEND", EmailStatus.PENDING_SEND);
    delivery = getDelivery().dueNow();
  }

  private void require(String action, String allowed, EmailStatus... expected) {
    for (EmailStatus candidate : expected) {
      if (status == candidate) {
        return;
      }
    }
    throw new IllegalEmailTransition(id, status, action, allowed);
  }

  // ---- end of outgoing state changes ----

  @Override
  public Long getId() {
    return id;
  }

  public Direction getDirection() {
    return direction;
  }

  public EmailStatus getStatus() {
    return status;
  }

  public String getSubject() {
    return subject;
  }

  public String getFrom() {
    return from;
  }

  public List<String> getTo() {
    return getRecipients().getTo();
  }

  public List<String> getCc() {
    return getRecipients().getCc();
  }

  public List<String> getBcc() {
    return getRecipients().getBcc();
  }

  private Recipients getRecipients() {
    return recipients == null ? new Recipients() : recipients;
  }

  public String getTextBody() {
    return textBody;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public String getMessageId() {
    return messageId;
  }

  public String getInReplyTo() {
    return inReplyTo;
  }

  public List<String> getReferences() {
    return references == null ? List.of() : Arrays.asList(references.split(" "));
  }

  public String getTrackingToken() {
    return trackingToken;
  }

  /** The id of the first email of its conversation: its own when it starts one or stands alone. */
  public Long getConversationId() {
    return conversation != null ? conversation.getId() : getId();
  }

  public CorrelationMethod getCorrelationMethod() {
    return correlationMethod;
  }

  public boolean isAutoSubmitted() {
    return autoSubmitted;
  }

  public Mailbox getSenderMailbox() {
    return senderMailbox;
  }

  public Set<Mailbox> getReceivingMailboxes() {
    return Set.copyOf(receivingMailboxes);
  }

  public Instant getReceivedOn() {
    return receivedOn;
  }

  public Instant getSentOn() {
    return sentOn;
  }

  /** Outgoing: how its delivery goes; a received email's part is empty. */
  public OutgoingDelivery getDelivery() {
    return delivery == null ? OutgoingDelivery.NONE : delivery;
  }

  public Instant getSendAt() {
    return getDelivery().getSendAt();
  }

  public Instant getNextAttemptAt() {
    return getDelivery().getNextAttemptAt();
  }

  public int getDeliveryAttempts() {
    return getDelivery().getDeliveryAttempts();
  }

  public String getLastDeliveryError() {
    return getDelivery().getLastDeliveryError();
  }

  public Instant getSendingLeaseUntil() {
    return getDelivery().getSendingLeaseUntil();
  }

  public List<Attachment> getAttachments() {
    return List.copyOf(attachments);
  }
}
