package org.syncpost.job.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.syncpost.event.control.EventOutbox;
import org.syncpost.event.entity.EventType;
import org.syncpost.job.entity.ItemResult;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobItem;
import org.syncpost.job.entity.JobKind;
import org.syncpost.json.JsonProviders;

/**
 * Writes a job's progress, each step in a transaction of its own, so that whoever watches the job
 * sees every mailbox's result as soon as it is known, and a failure to record one result loses
 * nothing else.
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: only so are
 * its transactions atomic on a managed executor's threads (ADR 0011).
 */
@Stateless
public class JobLedger {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject EventOutbox events;

  /** Stores a new job with one pending item per mailbox and commits it, ready for the workers. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Job open(JobKind kind, List<Long> mailboxIds, String requestedBy) {
    Job job = new Job(kind, mailboxIds, requestedBy, clock.instant());
    em.persist(job);
    em.flush();
    return job;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void begin(long jobId) {
    job(jobId).begin(clock.instant());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(long jobId, long mailboxId, ItemResult result) {
    em.createNamedQuery(JobItem.OF_JOB_AND_MAILBOX, JobItem.class)
        .setParameter("jobId", jobId)
        .setParameter("mailboxId", mailboxId)
        .getSingleResult()
        .record(result, clock.instant());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Job finish(long jobId) {
    Job job = job(jobId);
    job.finish(clock.instant());
    announceFinished(job);
    // written now, inside the transaction: what EclipseLink writes at commit ran outside it (ADR
    // 0012)
    em.flush();
    return job;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void stop(long jobId, String reason) {
    Job stopped = job(jobId);
    stopped.stop(reason, clock.instant());
    announceFinished(stopped);
    // written now, inside the transaction: what EclipseLink writes at commit ran outside it (ADR
    // 0012)
    em.flush();
  }

  /**
   * Stops every queued or running job that has made no progress since {@code quietSince}: neither
   * the job nor any of its mailboxes' results changed. A job's node records a result whenever a
   * mailbox is done, so a job this quiet lost its node (a restart, a crash); a job another node is
   * working on is left alone.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Job> stopStalled(String reason, Instant quietSince) {
    List<?> ids =
        em.createNativeQuery(
                "select j.id from job j where j.status in ('QUEUED', 'RUNNING')"
                    + " and j.modified_on < ?1 and not exists (select 1 from job_item i"
                    + " where i.job_id = j.id and i.modified_on >= ?1)")
            .setParameter(1, quietSince.atOffset(ZoneOffset.UTC))
            .getResultList();
    List<Job> stalled = ids.stream().map(id -> job(((Number) id).longValue())).toList();
    stalled.forEach(
        job -> {
          job.stop(reason, clock.instant());
          announceFinished(job);
        });
    // written now, inside the transaction: what EclipseLink writes at commit ran outside it (ADR
    // 0012)
    em.flush();
    return stalled;
  }

  private Job job(long jobId) {
    return em.find(Job.class, jobId);
  }

  /** {@code job.finished}, in the transaction that finished (or stopped) the job (ADR 0020). */
  private void announceFinished(Job job) {
    events.record(
        EventType.JOB_FINISHED,
        JsonProviders.JSON
            .createObjectBuilder()
            .add("jobId", job.getId())
            .add("kind", job.getKind().name())
            .add("status", job.getStatus().name())
            .add("done", job.getDone())
            .add("total", job.getTotal())
            .build());
  }
}
