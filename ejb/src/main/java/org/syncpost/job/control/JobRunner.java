package org.syncpost.job.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.job.entity.ItemResult;
import org.syncpost.job.entity.JobWork;

/**
 * Works through a job's mailboxes on the container's managed executor, at most {@code
 * syncpost.jobs.parallelism} at a time per job: it hands the executor that many mailboxes, and each
 * one that ends hands over the next. So a job over 5,000 mailboxes never floods the executor's
 * queue, other work still gets threads, and no task runs for long (no hung-task warnings).
 */
@ApplicationScoped
public class JobRunner {

  private static final System.Logger LOGGER = System.getLogger(JobRunner.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject JobLedger ledger;

  @Inject
  @ConfigProperty(name = "syncpost.jobs.parallelism", defaultValue = "4")
  int parallelism;

  /** Starts the work; returns at once. The job must be committed with one item per mailbox. */
  public void run(long jobId, List<Long> mailboxIds, JobWork work) {
    new Run(jobId, mailboxIds, work).start(Math.max(1, parallelism));
  }

  /** One job's pass over its mailboxes. */
  private final class Run {

    private final long jobId;
    private final JobWork work;
    private final Queue<Long> waiting;
    private final AtomicInteger unfinished;
    private final AtomicBoolean begun = new AtomicBoolean();

    Run(long jobId, List<Long> mailboxIds, JobWork work) {
      this.jobId = jobId;
      this.work = work;
      this.waiting = new ConcurrentLinkedQueue<>(mailboxIds);
      this.unfinished = new AtomicInteger(mailboxIds.size());
    }

    void start(int workers) {
      for (int i = 0; i < workers; i++) {
        if (!handOverNext()) {
          return;
        }
      }
    }

    /** Gives the executor the next waiting mailbox; false when none is left or it refused. */
    private boolean handOverNext() {
      Long mailboxId = waiting.poll();
      if (mailboxId == null) {
        return false;
      }
      try {
        executor.execute(() -> work(mailboxId));
        return true;
      } catch (RejectedExecutionException shuttingDown) {
        waiting.clear();
        LOGGER.log(
            System.Logger.Level.WARNING,
            "Job {0}: the executor refused more work (is the server stopping?)",
            jobId);
        ledger.stop(
            jobId,
            "SyncPost stopped taking work before every mailbox was done; start the job again.");
        return false;
      }
    }

    private void work(long mailboxId) {
      try {
        if (begun.compareAndSet(false, true)) {
          ledger.begin(jobId);
        }
        ItemResult result = attempt(mailboxId);
        ledger.record(jobId, mailboxId, result);
        LOGGER.log(
            System.Logger.Level.DEBUG,
            "Job {0}, mailbox {1}: {2}",
            jobId,
            mailboxId,
            result.outcome());
      } catch (RuntimeException e) {
        // the item stays without result; the job says so when it finishes
        LOGGER.log(
            System.Logger.Level.ERROR,
            "Job " + jobId + ", mailbox " + mailboxId + ": the result could not be recorded",
            e);
      } finally {
        if (unfinished.decrementAndGet() == 0) {
          finish();
        } else {
          handOverNext();
        }
      }
    }

    private ItemResult attempt(long mailboxId) {
      try {
        ItemResult result = work.run(mailboxId);
        return result != null
            ? result
            : ItemResult.failed(
                "The work for this mailbox ended without a result; report this as a defect.");
      } catch (RuntimeException e) {
        LOGGER.log(
            System.Logger.Level.WARNING, "Job " + jobId + ", mailbox " + mailboxId + " failed", e);
        return ItemResult.thrown(e);
      }
    }

    private void finish() {
      try {
        LOGGER.log(
            System.Logger.Level.INFO, "Job {0} {1}", jobId, ledger.finish(jobId).getStatus());
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.ERROR, "Job " + jobId + " could not be finished", e);
      }
    }
  }
}
