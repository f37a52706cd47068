package org.syncpost.incoming.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where a received email came from: (mailbox, folder, UIDVALIDITY, UID) is unique, so taking the
 * same server message again (a replay after a crash, a lost connection) is recognised. A fact
 * written once (no version or modification stamp), but for whether the mailbox's action after
 * processing (mark read, move, delete) is still to be applied on the server.
 */
@Entity
@Table(name = "message_source")
@NamedQuery(
    name = MessageSource.AT,
    query =
        "select s.emailId from MessageSource s where s.mailboxId = :mailboxId and s.folder ="
            + " :folder and s.uidValidity = :uidValidity and s.uid = :uid")
@NamedQuery(
    name = MessageSource.AMONG,
    query =
        "select s.uid from MessageSource s where s.mailboxId = :mailboxId and s.folder = :folder"
            + " and s.uidValidity = :uidValidity and s.uid between :lowest and :highest")
@NamedQuery(
    name = MessageSource.WITH_FINGERPRINT,
    query =
        "select s.emailId from MessageSource s where s.mailboxId = :mailboxId and s.fingerprint ="
            + " :fingerprint")
@NamedQuery(
    name = MessageSource.ACTION_PENDING,
    query =
        "select s.uid from MessageSource s where s.mailboxId = :mailboxId and s.folder = :folder"
            + " and s.uidValidity = :uidValidity and s.serverActionPending = true order by s.uid")
public class MessageSource {

  public static final String ACTION_PENDING = "MessageSource.actionPending";

  public static final String AT = "MessageSource.at";

  /**
   * The UIDs of a folder (at one UIDVALIDITY) between two, taken already: a range, which the source
   * key's index answers directly (H2 evaluated an {@code in} list row by row).
   */
  public static final String AMONG = "MessageSource.among";

  public static final String WITH_FINGERPRINT = "MessageSource.withFingerprint";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_source_seq")
  @SequenceGenerator(
      name = "message_source_seq",
      sequenceName = "message_source_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "mailbox_id", nullable = false)
  private long mailboxId;

  @Column(nullable = false, length = 1000)
  private String folder;

  @Column(name = "uid_validity", nullable = false)
  private long uidValidity;

  @Column(nullable = false)
  private long uid;

  @Column(name = "email_id", nullable = false)
  private long emailId;

  @Column(nullable = false, length = 64)
  private String fingerprint;

  @Column(name = "taken_on", nullable = false)
  private Instant takenOn;

  @Column(name = "server_action_pending", nullable = false)
  private boolean serverActionPending;

  protected MessageSource() {}

  /**
   * @param serverActionPending whether the mailbox's action after processing is still to be applied
   *     to the message on the server
   */
  public MessageSource(
      ServerMessageKey key,
      long emailId,
      String fingerprint,
      Instant takenOn,
      boolean serverActionPending) {
    this.mailboxId = key.mailboxId();
    this.folder = key.folder();
    this.uidValidity = key.uidValidity();
    this.uid = key.uid();
    this.emailId = emailId;
    this.fingerprint = fingerprint;
    this.takenOn = takenOn;
    this.serverActionPending = serverActionPending;
  }

  public Long getId() {
    return id;
  }

  public long getEmailId() {
    return emailId;
  }
}
