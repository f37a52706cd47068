package org.syncpost.mailbox.entity;

/** Whether a mailbox's email address has been approved for processing. */
public enum ApprovalStatus {
  /** Approval is not required by the organisation and nobody decided. */
  EMPTY,
  PENDING,
  APPROVED,
  REJECTED;

  public boolean permitsProcessing(boolean approvalRequired) {
    return this == APPROVED || (!approvalRequired && this != REJECTED);
  }
}
