package org.syncpost.job.entity;

/** What a background job does to each of its mailboxes. */
public enum JobKind {
  /** Test & enable the selected mailboxes. */
  TEST_AND_ENABLE_MAILBOXES,
  /** Test & enable all mailboxes of an email server profile. */
  TEST_AND_ENABLE_PROFILE,
  /** Apply the organisation's default email settings, then test & enable. */
  APPLY_DEFAULT_SETTINGS
}
