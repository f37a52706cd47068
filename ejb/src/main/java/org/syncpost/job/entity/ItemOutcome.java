package org.syncpost.job.entity;

/** How the work of a job went for one mailbox. */
public enum ItemOutcome {
  SUCCEEDED,
  FAILED,
  /**
   * Nothing was done, on purpose (e.g. the mailbox was not approved) or because the job stopped.
   */
  SKIPPED
}
