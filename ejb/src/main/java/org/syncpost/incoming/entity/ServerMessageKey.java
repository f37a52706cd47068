package org.syncpost.incoming.entity;

/**
 * One message on a mail server, as IMAP names it (RFC 3501 §2.3.1.1). POP3 messages use folder
 * {@code INBOX}, UIDVALIDITY 0 and their position in the UIDL list is not used: they are known by
 * UIDL instead.
 */
public record ServerMessageKey(long mailboxId, String folder, long uidValidity, long uid) {

  @Override
  public String toString() {
    return "mailbox " + mailboxId + " " + folder + " UIDVALIDITY " + uidValidity + " UID " + uid;
  }
}
