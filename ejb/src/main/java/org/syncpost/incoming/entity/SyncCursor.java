package org.syncpost.incoming.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.syncpost.audit.entity.Tracked;

/**
 * How far one IMAP folder of a mailbox has been taken: the folder's UIDVALIDITY and the highest UID
 * whose message is safely a record or in quarantine. Never the \Seen flag: other clients change it.
 */
@Entity
@Table(name = "sync_cursor")
@NamedQuery(
    name = SyncCursor.OF_FOLDER,
    query = "select c from SyncCursor c where c.mailboxId = :mailboxId and c.folder = :folder")
@NamedQuery(
    name = SyncCursor.OF_MAILBOX,
    query = "select c from SyncCursor c where c.mailboxId = :mailboxId")
public class SyncCursor extends Tracked {

  public static final String OF_FOLDER = "SyncCursor.ofFolder";
  public static final String OF_MAILBOX = "SyncCursor.ofMailbox";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_cursor_seq")
  @SequenceGenerator(
      name = "sync_cursor_seq",
      sequenceName = "sync_cursor_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "mailbox_id", nullable = false)
  private long mailboxId;

  @Column(nullable = false, length = 1000)
  private String folder;

  @Column(name = "uid_validity", nullable = false)
  private long uidValidity;

  @Column(name = "last_uid", nullable = false)
  private long lastUid;

  protected SyncCursor() {}

  public SyncCursor(long mailboxId, String folder, long uidValidity) {
    this.mailboxId = mailboxId;
    this.folder = folder;
    this.uidValidity = uidValidity;
  }

  /**
   * Everything up to {@code uid} of the folder as it is at {@code validity} is taken. A new
   * UIDVALIDITY starts the folder over (RFC 3501 §2.3.1.1); the cursor never moves back within one.
   */
  public void advanceTo(long validity, long uid) {
    if (validity != uidValidity) {
      uidValidity = validity;
      lastUid = uid;
    } else if (uid > lastUid) {
      lastUid = uid;
    }
  }

  /** The highest UID taken, or 0 when the folder's UIDVALIDITY is not this cursor's. */
  public long lastUidAt(long validity) {
    return validity == uidValidity ? lastUid : 0;
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

  public long getUidValidity() {
    return uidValidity;
  }

  public long getLastUid() {
    return lastUid;
  }
}
