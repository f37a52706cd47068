package org.syncpost.directory.entity;

/** What deleting a user or queue did. */
public enum Removal {
  /** Gone, with its mailbox. */
  DELETED,
  /**
   * Kept, because email records or quarantined messages belong to its mailbox: the user signs in no
   * more, and the mailbox neither receives nor sends.
   */
  DEACTIVATED
}
