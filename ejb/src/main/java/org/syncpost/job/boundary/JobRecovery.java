package org.syncpost.job.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.syncpost.job.control.JobLedger;

/**
 * Jobs run in memory and are not resumed: one whose node stopped (a restart, a crash) would show
 * "running" for ever. Every minute, and at start-up, a job that made no progress for {@link #QUIET}
 * is marked failed, its waiting mailboxes skipped, with the reason — the administrator starts it
 * again. Progress, not the node's name, tells a lost job from one another node works on, so several
 * nodes on one database leave each other's jobs alone.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRecovery {

  private static final System.Logger LOGGER = System.getLogger(JobRecovery.class.getName());

  /** Longer than one mailbox's test may take (connection wait, timeouts), with room to spare. */
  static final Duration QUIET = Duration.ofMinutes(15);

  static final String REASON =
      "This job made no progress for 15 minutes: SyncPost was stopped, or the node that ran it"
          + " died. The mailboxes without a result were not processed; start the job again for"
          + " them.";

  @Resource TimerService timerService;
  @Inject JobLedger ledger;
  @Inject Clock clock;

  @PostConstruct
  void start() {
    stopStalledJobs();
    long minute = Duration.ofMinutes(1).toMillis();
    timerService.createIntervalTimer(minute, minute, new TimerConfig("job-recovery", false));
  }

  @Timeout
  void stopStalledJobs() {
    try {
      ledger
          .stopStalled(REASON, clock.instant().minus(QUIET))
          .forEach(
              job ->
                  LOGGER.log(
                      System.Logger.Level.WARNING,
                      "Job {0} ({1}) made no progress for {2} minutes and is marked failed",
                      job.getId(),
                      job.getKind(),
                      QUIET.toMinutes()));
    } catch (RuntimeException failed) {
      // the database may be away for a moment; the next minute tries again
      LOGGER.log(System.Logger.Level.WARNING, "Job recovery failed: {0}", failed.toString());
    }
  }
}
