package org.syncpost.job.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.syncpost.job.control.JobLedger;

/**
 * Jobs run in memory and are not resumed: one that was queued or running when SyncPost stopped (or
 * crashed) would show "running" for ever. At start-up it is marked failed, its waiting mailboxes
 * skipped, with the reason — the administrator starts it again.
 *
 * <p>With several nodes sharing one database this must only stop the jobs of the node that
 * restarted; jobs do not record their node yet (see the README's known limits).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRecovery {

  private static final System.Logger LOGGER = System.getLogger(JobRecovery.class.getName());
  static final String REASON =
      "SyncPost was restarted while this job ran; the mailboxes without a result were not"
          + " processed. Start the job again for them.";

  @Inject JobLedger ledger;

  @PostConstruct
  void stopInterruptedJobs() {
    ledger
        .stopUnfinished(REASON)
        .forEach(
            job ->
                LOGGER.log(
                    System.Logger.Level.WARNING,
                    "Job {0} ({1}) was interrupted by a restart and is marked failed",
                    job.getId(),
                    job.getKind()));
  }
}
