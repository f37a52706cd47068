package org.syncpost.job.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.syncpost.audit.entity.Tracked;

/**
 * A bulk operation over mailboxes that runs in the background ("test & enable all mailboxes of a
 * profile"), with its progress and one result per mailbox. How many are done is counted from the
 * results, never stored beside them.
 */
@Entity
@Table(name = "job")
@NamedQuery(
    name = Job.REQUESTED_BY,
    query =
        "select j from Job j where (:requestedBy is null or j.requestedBy = :requestedBy)"
            + " order by j.id desc")
@NamedQuery(
    name = Job.COUNT_REQUESTED_BY,
    query =
        "select count(j) from Job j where (:requestedBy is null or j.requestedBy = :requestedBy)")
@NamedQuery(
    name = Job.WITH_RESULTS,
    query = "select distinct j from Job j left join fetch j.items where j.id = :id")
@NamedQuery(name = Job.IN_STATUS, query = "select j from Job j where j.status in :statuses")
public class Job extends Tracked {

  public static final String REQUESTED_BY = "Job.requestedBy";
  public static final String COUNT_REQUESTED_BY = "Job.countRequestedBy";
  public static final String WITH_RESULTS = "Job.withResults";
  public static final String IN_STATUS = "Job.inStatus";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_seq")
  @SequenceGenerator(name = "job_seq", sequenceName = "job_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private JobKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private JobStatus status;

  @Column(nullable = false)
  private int total;

  @Column(name = "requested_by", nullable = false, length = 100)
  private String requestedBy;

  @Column(name = "started_on")
  private Instant startedOn;

  @Column(name = "finished_on")
  private Instant finishedOn;

  /** Why the job stopped, when it did not complete. */
  @Column(length = 2000)
  private String message;

  @OneToMany(mappedBy = "job", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<JobItem> items = new ArrayList<>();

  protected Job() {}

  /** A job over these (distinct) mailboxes, queued; with no mailboxes it is complete at once. */
  public Job(JobKind kind, List<Long> mailboxIds, String requestedBy, Instant at) {
    this.kind = kind;
    this.requestedBy = requestedBy;
    this.status = JobStatus.QUEUED;
    this.total = mailboxIds.size();
    mailboxIds.forEach(mailboxId -> items.add(new JobItem(this, mailboxId)));
    if (items.isEmpty()) {
      begin(at);
      finish(at);
    }
  }

  /** A worker took up the first mailbox. */
  public void begin(Instant at) {
    if (status == JobStatus.QUEUED) {
      status = JobStatus.RUNNING;
      startedOn = at;
    }
  }

  /**
   * Every mailbox's work has ended: completed (with failures, if any failed), or failed when some
   * results could not be recorded. A finished job stays as it is.
   */
  public void finish(Instant at) {
    if (status.isFinished()) {
      return;
    }
    long unfinished = total - getDone();
    if (unfinished > 0) {
      stop(unfinished + " of " + total + " mailboxes have no result; see the server log.", at);
      return;
    }
    status =
        items.stream().anyMatch(i -> i.getOutcome() == ItemOutcome.FAILED)
            ? JobStatus.COMPLETED_WITH_FAILURES
            : JobStatus.COMPLETED;
    if (startedOn == null) {
      startedOn = at;
    }
    finishedOn = at;
  }

  /**
   * The job cannot go on (e.g. SyncPost restarted while it ran): it fails with the reason, and the
   * mailboxes still waiting are skipped with it.
   */
  public void stop(String reason, Instant at) {
    if (status.isFinished()) {
      return;
    }
    items.forEach(item -> item.record(ItemResult.skipped(reason), at));
    status = JobStatus.FAILED;
    message = reason;
    finishedOn = at;
  }

  /** How many mailboxes have a result. */
  public long getDone() {
    return items.stream().filter(JobItem::isFinished).count();
  }

  @Override
  public Long getId() {
    return id;
  }

  public JobKind getKind() {
    return kind;
  }

  public JobStatus getStatus() {
    return status;
  }

  public int getTotal() {
    return total;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getStartedOn() {
    return startedOn;
  }

  public Instant getFinishedOn() {
    return finishedOn;
  }

  public String getMessage() {
    return message;
  }

  /** One per mailbox, in the order they were given. */
  public List<JobItem> getItems() {
    return Collections.unmodifiableList(items);
  }
}
