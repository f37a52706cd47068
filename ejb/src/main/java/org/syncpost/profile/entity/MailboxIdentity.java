package org.syncpost.profile.entity;

/** Which of a mailbox's names the profile's account acts for. */
public enum MailboxIdentity {
  /** The mailbox's email address (always set). */
  EMAIL_ADDRESS,
  /** The mailbox's user name (the one its own credentials would use). */
  USER_NAME
}
