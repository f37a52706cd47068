package org.syncpost.mailbox.entity;

/** Something a mailbox lacks before test &amp; enable can pass (see {@link StillNeeded}). */
public enum Need {
  /** No email server profile: neither its own nor an organisation default. */
  PROFILE,
  /** The profile signs in with each mailbox's own credentials, and the mailbox has no user name. */
  USER_NAME,
  /** As {@link #USER_NAME}, for the password. */
  PASSWORD,
  /** Its owner has not allowed SyncPost to use the mailbox's credentials. */
  CREDENTIAL_USE_ALLOWED,
  /** The organisation processes email only for approved addresses, and this one is not. */
  APPROVAL
}
