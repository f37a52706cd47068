package org.syncpost.mailbox.entity;

/** Whether a mailbox listens for new mail (IMAP IDLE) or is only polled. */
public enum PushSetting {
  /** As its email server profile says. */
  AS_PROFILE,
  /** Listen for new mail, whatever the profile says. */
  ON,
  /** Only poll, whatever the profile says. */
  OFF;

  /** Whether push is wanted, given the profile's own setting. */
  public boolean wanted(boolean profileWantsPush) {
    return this == ON || (this == AS_PROFILE && profileWantsPush);
  }
}
