package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** Whether a mailbox's address may be processed, and who decided so when. Immutable. */
@Embeddable
public class Approval {

  @Enumerated(EnumType.STRING)
  @Column(name = "approval_status", nullable = false, length = 20)
  private ApprovalStatus status;

  @Column(name = "approval_decided_by", length = 100)
  private String decidedBy;

  @Column(name = "approval_decided_on")
  private Instant decidedOn;

  protected Approval() {}

  private Approval(ApprovalStatus status, String decidedBy, Instant decidedOn) {
    this.status = status;
    this.decidedBy = decidedBy;
    this.decidedOn = decidedOn;
  }

  /** An address nobody has decided on: pending when the organisation requires approval. */
  public static Approval undecided(boolean required) {
    return new Approval(required ? ApprovalStatus.PENDING : ApprovalStatus.EMPTY, null, null);
  }

  /** An approver's decision. */
  public static Approval decided(ApprovalStatus decision, String by, Instant at) {
    return new Approval(decision, by, at);
  }

  /** Whether the mailbox may process email, given whether approval is required. */
  public boolean permitsProcessing(boolean required) {
    return status.permitsProcessing(required);
  }

  public ApprovalStatus getStatus() {
    return status;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedOn() {
    return decidedOn;
  }
}
