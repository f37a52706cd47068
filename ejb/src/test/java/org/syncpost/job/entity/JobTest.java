package org.syncpost.job.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant END = Instant.parse("2026-03-02T09:05:00Z");

  private static Job job(Long... mailboxIds) {
    return new Job(JobKind.TEST_AND_ENABLE_MAILBOXES, List.of(mailboxIds), "alice", START);
  }

  private static void result(Job job, long mailboxId, ItemResult result) {
    job.getItems().stream()
        .filter(i -> i.getMailboxId() == mailboxId)
        .findFirst()
        .orElseThrow()
        .record(result, END);
  }

  @Test
  void aNewJobIsQueuedWithOnePendingResultPerMailbox() {
    Job job = job(1L, 2L, 3L);

    assertThat(job.getStatus() + " " + job.getDone() + "/" + job.getTotal())
        .isEqualTo("QUEUED 0/3");
  }

  @Test
  void progressCountsTheMailboxesWithAResult() {
    Job job = job(1L, 2L, 3L);
    job.begin(START);

    result(job, 2L, ItemResult.succeeded("enabled"));
    result(job, 3L, ItemResult.skipped("not approved"));

    assertThat(job.getStatus() + " " + job.getDone() + "/" + job.getTotal())
        .isEqualTo("RUNNING 2/3");
  }

  @Test
  void aJobWhoseMailboxesAllSucceededOrWereSkippedIsCompleted() {
    Job job = job(1L, 2L);
    job.begin(START);
    result(job, 1L, ItemResult.succeeded(null));
    result(job, 2L, ItemResult.skipped("not approved"));

    job.finish(END);

    assertThat(job.getStatus() + " " + job.getStartedOn() + " " + job.getFinishedOn())
        .isEqualTo("COMPLETED 2026-03-02T09:00:00Z 2026-03-02T09:05:00Z");
  }

  @Test
  void oneFailedMailboxMakesItCompletedWithFailures() {
    Job job = job(1L, 2L);
    job.begin(START);
    result(job, 1L, ItemResult.succeeded(null));
    result(job, 2L, ItemResult.failed("authentication failed"));

    job.finish(END);

    assertThat(job.getStatus()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
  }

  @Test
  void finishingWithMailboxesWithoutResultFailsTheJobAndSkipsThem() {
    Job job = job(1L, 2L);
    job.begin(START);
    result(job, 1L, ItemResult.succeeded(null));

    job.finish(END);

    assertThat(job.getStatus() + " " + job.getItems().get(1).getOutcome())
        .isEqualTo("FAILED SKIPPED");
  }

  @Test
  void aStoppedJobFailsWithTheReasonAndSkipsTheWaitingMailboxesOnly() {
    Job job = job(1L, 2L);
    job.begin(START);
    result(job, 1L, ItemResult.failed("timeout"));

    job.stop("SyncPost was restarted", END);

    assertThat(
            job.getStatus()
                + " "
                + job.getMessage()
                + " "
                + job.getItems().stream().map(i -> i.getOutcome() + ":" + i.getMessage()).toList())
        .isEqualTo(
            "FAILED SyncPost was restarted [FAILED:timeout, SKIPPED:SyncPost was restarted]");
  }

  @Test
  void aFinishedJobStaysAsItIs() {
    Job job = job(1L);
    job.begin(START);
    result(job, 1L, ItemResult.succeeded(null));
    job.finish(END);

    job.stop("SyncPost was restarted", END.plusSeconds(60));

    assertThat(job.getStatus() + " " + job.getFinishedOn())
        .isEqualTo("COMPLETED 2026-03-02T09:05:00Z");
  }

  @Test
  void aJobWithoutMailboxesIsCompletedAtOnce() {
    Job job = job();

    assertThat(job.getStatus() + " " + job.getDone() + "/" + job.getTotal())
        .isEqualTo("COMPLETED 0/0");
  }

  @Test
  void theFirstResultOfAMailboxCounts() {
    Job job = job(1L);
    JobItem item = job.getItems().get(0);
    item.record(ItemResult.skipped("stopped"), START);

    boolean recorded = item.record(ItemResult.succeeded("late"), END);

    assertThat(recorded + " " + item.getOutcome()).isEqualTo("false SKIPPED");
  }
}
