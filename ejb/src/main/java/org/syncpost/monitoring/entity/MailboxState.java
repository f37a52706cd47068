package org.syncpost.monitoring.entity;

import java.util.Locale;

/** Where a mailbox stands for one direction of mail, as the mailboxes gauge counts it. */
public enum MailboxState {
  /** Inactive, or its delivery method for the direction is not server-side synchronization. */
  NOT_SYNCHRONISED,
  /** Synchronised by SyncPost but not enabled (never tested, or disabled after failures). */
  DISABLED,
  /** Enabled, and its last incoming cycles failed (it is being retried). */
  FAILING,
  /** Enabled and working. */
  ENABLED;

  /** The tag value: {@code not-synchronised}, {@code disabled}, ... */
  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
