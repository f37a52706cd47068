package org.syncpost.job.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.syncpost.audit.entity.Tracked;

/** One mailbox of a job: pending until its work is done, then its outcome. */
@Entity
@Table(name = "job_item")
@NamedQuery(
    name = JobItem.OF_JOB_AND_MAILBOX,
    query = "select i from JobItem i where i.job.id = :jobId and i.mailboxId = :mailboxId")
public class JobItem extends Tracked {

  public static final String OF_JOB_AND_MAILBOX = "JobItem.ofJobAndMailbox";
  static final int MAX_MESSAGE = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_item_seq")
  @SequenceGenerator(name = "job_item_seq", sequenceName = "job_item_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "job_id", nullable = false)
  private Job job;

  @Column(name = "mailbox_id", nullable = false)
  private long mailboxId;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private ItemOutcome outcome;

  @Column(length = MAX_MESSAGE)
  private String message;

  @Column(name = "finished_on")
  private Instant finishedOn;

  protected JobItem() {}

  JobItem(Job job, long mailboxId) {
    this.job = job;
    this.mailboxId = mailboxId;
  }

  /**
   * Records how the work went; the first result counts (a job stopped at restart has already
   * skipped what a late worker might still report).
   *
   * @return whether this result was recorded
   */
  public boolean record(ItemResult result, Instant at) {
    if (isFinished()) {
      return false;
    }
    outcome = result.outcome();
    message =
        result.message() == null || result.message().length() <= MAX_MESSAGE
            ? result.message()
            : result.message().substring(0, MAX_MESSAGE - 1) + "…";
    finishedOn = at;
    return true;
  }

  public boolean isFinished() {
    return outcome != null;
  }

  @Override
  public Long getId() {
    return id;
  }

  public Job getJob() {
    return job;
  }

  public long getMailboxId() {
    return mailboxId;
  }

  /** {@code null} while the mailbox waits for its work. */
  public ItemOutcome getOutcome() {
    return outcome;
  }

  public String getMessage() {
    return message;
  }

  public Instant getFinishedOn() {
    return finishedOn;
  }
}
