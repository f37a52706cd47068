package org.syncpost.job.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Actor;
import org.syncpost.directory.control.Caller;
import org.syncpost.job.control.JobLedger;
import org.syncpost.job.control.JobRunner;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobKind;
import org.syncpost.job.entity.JobWork;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/**
 * Background jobs: bulk operations over mailboxes with progress and one result per mailbox.
 *
 * <p>The facade that offers a bulk operation (e.g. test & enable all mailboxes of a profile) checks
 * what its caller may do, then calls {@link #start} with the {@link JobWork} for one mailbox. That
 * work runs later on container threads <b>without a caller identity and without a transaction</b>:
 * it must call controls (never the role-checked facades, which would refuse an anonymous caller)
 * and open its own transactions. Alerts may be raised from it: {@code Alerts.raise} is open to
 * callers without identity.
 *
 * <p>Jobs live in the database only: a job that was queued or running when SyncPost stopped is
 * marked failed at the next start ({@link JobRecovery}) and is not resumed.
 *
 * <p>Administrators and approvers see every job; a mailbox owner sees the jobs they requested.
 */
@Stateless
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME, Role.MAILBOX_OWNER_NAME})
public class Jobs {

  public static final int MAX_MAILBOXES = 100_000;

  @PersistenceContext EntityManager em;
  @Inject JobLedger ledger;
  @Inject JobRunner runner;
  @Inject Actor actor;
  @Inject Caller caller;

  /**
   * Stores the job (requested by the caller) and starts it in the background; returns at once with
   * the queued job. Repeated mailbox ids count once; no mailboxes make a job completed at once.
   *
   * <p>Not part of the caller's transaction: the job is committed before its first mailbox is
   * worked on, and runs whether or not the caller's transaction commits.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Job start(JobKind kind, List<Long> mailboxIds, JobWork work) {
    Objects.requireNonNull(work, "a job needs the work to do for each mailbox");
    List<Violation> found = new ArrayList<>();
    if (kind == null) {
      found.add(new Violation("kind", "choose what the job does"));
    }
    if (mailboxIds == null || mailboxIds.stream().anyMatch(Objects::isNull)) {
      found.add(new Violation("mailboxIds", "give the ids of the mailboxes to work on"));
    } else if (mailboxIds.size() > MAX_MAILBOXES) {
      found.add(new Violation("mailboxIds", "at most " + MAX_MAILBOXES + " mailboxes per job"));
    }
    if (!found.isEmpty()) {
      throw new InvalidInput(found);
    }
    List<Long> distinct = List.copyOf(new LinkedHashSet<>(mailboxIds));
    Job job = ledger.open(kind, distinct, actor.name());
    if (!distinct.isEmpty()) {
      runner.run(job.getId(), distinct, work);
    }
    return job;
  }

  /** The job with every mailbox's result so far. */
  public Job find(long id) {
    Job job =
        em.createNamedQuery(Job.WITH_RESULTS, Job.class)
            .setParameter("id", id)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFound("job", id));
    String restrictedTo = restrictedToRequester();
    if (restrictedTo != null && !restrictedTo.equals(job.getRequestedBy())) {
      throw new AccessDenied("Job " + id + " was started by someone else; you see only your own.");
    }
    return job;
  }

  /** Newest first. */
  public List<Job> list(int offset, int limit) {
    List<Job> jobs =
        em.createNamedQuery(Job.REQUESTED_BY, Job.class)
            .setParameter("requestedBy", restrictedToRequester())
            // the results of the whole page in one more query, for the progress counts
            .setHint("eclipselink.batch", "j.items")
            .setHint("eclipselink.batch.type", "IN")
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    jobs.forEach(Job::getDone);
    return jobs;
  }

  public long count() {
    return em.createNamedQuery(Job.COUNT_REQUESTED_BY, Long.class)
        .setParameter("requestedBy", restrictedToRequester())
        .getSingleResult();
  }

  private String restrictedToRequester() {
    return caller.restrictedToOwnerId().isPresent() ? actor.name() : null;
  }
}
