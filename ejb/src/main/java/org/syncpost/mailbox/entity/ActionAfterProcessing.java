package org.syncpost.mailbox.entity;

/**
 * What SyncPost does on the mail server with a message once its record is stored. Nothing changes
 * on the server unless the mailbox says so; a record is committed before the action, so a crash in
 * between never loses mail, and an action applied twice does no harm.
 */
public enum ActionAfterProcessing {
  /** The message stays as it is: the default, and the only choice that changes nothing. */
  NONE(true),
  /** IMAP: the \Seen flag is set. */
  MARK_READ(false),
  /** IMAP: the message is moved to the mailbox's move-to folder. */
  MOVE_TO(false),
  /** IMAP: flagged \Deleted and expunged; POP3: DELE. Only a queue's mailbox may delete. */
  DELETE(true);

  private final boolean availableOverPop3;

  ActionAfterProcessing(boolean availableOverPop3) {
    this.availableOverPop3 = availableOverPop3;
  }

  /** POP3 has no flags and no folders (RFC 1939): only deleting is possible there. */
  public boolean isAvailableOverPop3() {
    return availableOverPop3;
  }

  /** Whether the server's copy is changed at all. */
  public boolean changesTheServer() {
    return this != NONE;
  }
}
