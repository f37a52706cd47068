package org.syncpost.incoming.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.syncpost.audit.entity.Tracked;

/**
 * A received message that could not be parsed or stored: kept with its raw bytes and the reason,
 * never silently dropped, until a retry makes it a record.
 */
@Entity
@Table(name = "quarantined_message")
@NamedQuery(
    name = QuarantinedMessage.AT,
    query =
        "select q from QuarantinedMessage q where q.mailboxId = :mailboxId and q.folder = :folder"
            + " and q.uidValidity = :uidValidity and q.uid = :uid")
public class QuarantinedMessage extends Tracked {

  public static final String AT = "QuarantinedMessage.at";
  public static final int MAX_REASON = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quarantined_message_seq")
  @SequenceGenerator(
      name = "quarantined_message_seq",
      sequenceName = "quarantined_message_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "mailbox_id", nullable = false)
  private long mailboxId;

  @Column(nullable = false, length = 1000)
  private String folder;

  @Column(name = "uid_validity")
  private Long uidValidity;

  @Column(name = "uid")
  private Long uid;

  @Column(length = 70)
  private String uidl;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "raw_message")
  private byte[] rawMessage;

  @Column(nullable = false)
  private long size;

  @Column(nullable = false, length = MAX_REASON)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private QuarantineState state = QuarantineState.OPEN;

  @Column(nullable = false)
  private int retries;

  @Column(name = "email_id")
  private Long emailId;

  protected QuarantinedMessage() {}

  /**
   * @param raw the message as the server sent it, or {@code null} when it was too large to fetch
   */
  public QuarantinedMessage(
      ServerMessageKey key, String uidl, byte[] raw, long size, String reason) {
    this.mailboxId = key.mailboxId();
    this.folder = key.folder();
    this.uidValidity = key.uidValidity();
    this.uid = key.uid();
    this.uidl = uidl;
    this.rawMessage = raw;
    this.size = size;
    this.reason = clipped(reason);
  }

  /** A retry failed again, perhaps for another reason. */
  public void retryFailed(String newReason) {
    retries++;
    reason = clipped(newReason);
  }

  /** A retry made it the record {@code recordId}. */
  public void resolve(long recordId) {
    retries++;
    emailId = recordId;
    state = QuarantineState.RESOLVED;
  }

  public boolean isOpen() {
    return state == QuarantineState.OPEN;
  }

  public ServerMessageKey key() {
    return new ServerMessageKey(
        mailboxId, folder, uidValidity == null ? 0 : uidValidity, uid == null ? 0 : uid);
  }

  private static String clipped(String text) {
    String value = text == null || text.isBlank() ? "unknown" : text;
    return value.length() <= MAX_REASON ? value : value.substring(0, MAX_REASON - 1) + "…";
  }

  @Override
  public Long getId() {
    return id;
  }

  public long getMailboxId() {
    return mailboxId;
  }

  public String getFolder() {
    return folder;
  }

  public Long getUidValidity() {
    return uidValidity;
  }

  public Long getUid() {
    return uid;
  }

  public String getUidl() {
    return uidl;
  }

  public byte[] getRawMessage() {
    return rawMessage;
  }

  public long getSize() {
    return size;
  }

  public String getReason() {
    return reason;
  }

  public QuarantineState getState() {
    return state;
  }

  public int getRetries() {
    return retries;
  }

  public Long getEmailId() {
    return emailId;
  }
}
