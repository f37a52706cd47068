package org.syncpost.job.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.AsAdministrator;
import org.syncpost.job.control.JobLedger;
import org.syncpost.job.entity.ItemOutcome;
import org.syncpost.job.entity.ItemResult;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobItem;
import org.syncpost.job.entity.JobKind;
import org.syncpost.job.entity.JobStatus;

/**
 * Several nodes share the jobs table: recovery fails only the jobs that stopped making progress
 * (their node is gone), never a job another node is working on.
 */
@ExtendWith(ArquillianExtension.class)
class JobRecoveryIT {

  @Inject AsAdministrator admin;
  @Inject JobLedger ledger;
  @Inject Jobs jobs;

  @Test
  void aJobQuietSinceTheLimitIsFailedWhileAJobWithNewerProgressRunsOn() throws Exception {
    long quiet =
        admin
            .call(() -> ledger.open(JobKind.TEST_AND_ENABLE_MAILBOXES, List.of(1L, 2L), "admin"))
            .getId();
    long working =
        admin
            .call(() -> ledger.open(JobKind.TEST_AND_ENABLE_MAILBOXES, List.of(3L, 4L), "admin"))
            .getId();
    Thread.sleep(50);
    Instant quietSince = Instant.now();
    Thread.sleep(50);
    admin.run(() -> ledger.record(working, 3L, ItemResult.succeeded("mailbox 3 enabled")));

    List<Long> stopped =
        admin.call(() -> ledger.stopStalled(JobRecovery.REASON, quietSince)).stream()
            .map(Job::getId)
            .toList();
    Job failed = admin.call(() -> jobs.find(quiet));
    Job running = admin.call(() -> jobs.find(working));

    assertThat(stopped).contains(quiet).doesNotContain(working);
    assertThat(failed.getStatus()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.getItems()).extracting(JobItem::getOutcome).containsOnly(ItemOutcome.SKIPPED);
    assertThat(running.getStatus().isFinished()).isFalse();
  }
}
