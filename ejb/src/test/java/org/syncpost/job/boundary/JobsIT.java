package org.syncpost.job.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.AsAdministrator;
import org.syncpost.job.entity.ItemOutcome;
import org.syncpost.job.entity.ItemResult;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobKind;
import org.syncpost.job.entity.JobStatus;
import org.syncpost.job.entity.JobWork;
import org.syncpost.testing.Eventually;

@ExtendWith(ArquillianExtension.class)
class JobsIT {

  /** {@code syncpost.jobs.parallelism} is not set for the tests: the default. */
  private static final int PARALLELISM = 4;

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Inject AsAdministrator admin;
  @Inject Jobs jobs;

  private static List<Long> mailboxIds(long first, int count) {
    return LongStream.range(first, first + count).boxed().toList();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JobWork sleeping(long millis) {
    return mailboxId -> {
      pause(millis);
      return ItemResult.succeeded("mailbox " + mailboxId + " enabled");
    };
  }

  /** Reads the job until it has finished; every reading on the way goes into {@code seen}. */
  private Job awaitFinished(long jobId, List<String> seen) throws Exception {
    return Eventually.within(
        PATIENCE,
        "job " + jobId + " to finish",
        () -> {
          Job job = admin.call(() -> jobs.find(jobId));
          seen.add(job.getStatus() + " " + job.getDone() + "/" + job.getTotal());
          return job;
        },
        job -> job.getStatus().isFinished());
  }

  @Test
  void progressIsVisibleWhileTheJobRunsAndItCompletesWithTwentyResults() throws Exception {
    Job started =
        admin.call(
            () ->
                jobs.start(
                    JobKind.TEST_AND_ENABLE_MAILBOXES, mailboxIds(1_000, 20), sleeping(100)));
    List<String> seen = new ArrayList<>();

    Job finished = awaitFinished(started.getId(), seen);

    assertThat(seen)
        .as("readings while running")
        .anyMatch(
            reading ->
                reading.startsWith("RUNNING ")
                    && !reading.startsWith("RUNNING 0/")
                    && !reading.startsWith("RUNNING 20/"));
    assertThat(finished.getStatus() + " " + finished.getDone() + "/" + finished.getTotal())
        .isEqualTo("COMPLETED 20/20");
    assertThat(finished.getItems())
        .extracting(i -> i.getMailboxId() + " " + i.getOutcome())
        .containsExactlyElementsOf(
            mailboxIds(1_000, 20).stream().map(id -> id + " SUCCEEDED").toList());
  }

  @Test
  void oneMailboxThatThrowsFailsAloneAndTheJobCompletesWithFailures() throws Exception {
    JobWork failingOnSeven =
        mailboxId -> {
          if (mailboxId == 2_007) {
            throw new IllegalStateException("mailbox 2007 has no server profile");
          }
          return ItemResult.succeeded(null);
        };

    Job started =
        admin.call(
            () ->
                jobs.start(JobKind.TEST_AND_ENABLE_PROFILE, mailboxIds(2_000, 10), failingOnSeven));
    Job finished = awaitFinished(started.getId(), new ArrayList<>());

    assertThat(finished.getStatus()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(finished.getItems())
        .filteredOn(i -> i.getOutcome() != ItemOutcome.SUCCEEDED)
        .extracting(i -> i.getMailboxId() + " " + i.getOutcome() + " " + i.getMessage())
        .containsExactly(
            "2007 FAILED Failed unexpectedly: mailbox 2007 has no server profile"
                + " (IllegalStateException). The server log has the details.");
  }

  @Test
  void noMoreMailboxesThanTheParallelismAreWorkedOnAtOnce() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    JobWork counting =
        mailboxId -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          pause(100);
          running.decrementAndGet();
          return ItemResult.succeeded(null);
        };

    Job started =
        admin.call(
            () -> jobs.start(JobKind.APPLY_DEFAULT_SETTINGS, mailboxIds(3_000, 20), counting));
    awaitFinished(started.getId(), new ArrayList<>());

    assertThat(most.get()).isEqualTo(PARALLELISM);
  }

  @Test
  void theJobRecordsWhoStartedItAndIsListedNewestFirst() throws Exception {
    Job started =
        admin.call(
            () ->
                jobs.start(
                    JobKind.TEST_AND_ENABLE_MAILBOXES,
                    List.of(4_001L, 4_001L, 4_002L),
                    sleeping(1)));
    awaitFinished(started.getId(), new ArrayList<>());

    Job newest = admin.call(() -> jobs.list(0, 1)).get(0);
    assertThat(newest.getId() + " " + newest.getRequestedBy() + " " + newest.getTotal())
        .isEqualTo(started.getId() + " test-administrator 2");
  }
}
