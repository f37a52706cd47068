package org.syncpost.job.entity;

/** Where a background job stands. */
public enum JobStatus {
  /** Stored, waiting for a worker. */
  QUEUED(false),
  /** Its mailboxes are being worked on. */
  RUNNING(false),
  /** Every mailbox has a result, none failed. */
  COMPLETED(true),
  /** Every mailbox has a result, some failed: see the failed results. */
  COMPLETED_WITH_FAILURES(true),
  /** The job stopped before every mailbox had a result (e.g. SyncPost was restarted). */
  FAILED(true);

  private final boolean finished;

  JobStatus(boolean finished) {
    this.finished = finished;
  }

  public boolean isFinished() {
    return finished;
  }
}
