package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.WebhookReceiver.Delivery;
import org.syncpost.testing.Eventually;

/**
 * SyncPost killed (SIGKILL) after state changes committed their events and while one was being
 * delivered, then started again: the receiver gets every event, signed, each event id delivered
 * once — the one whose delivery the crash cut is delivered again under the same id.
 */
@ExtendWith(RestartableSyncPost.class)
@Timeout(600)
class WebhookCrashIT {

  private final SyncPostServer server;

  WebhookCrashIT(SyncPostServer server) {
    this.server = server;
  }

  @Test
  void eventsCommittedBeforeACrashAreDeliveredAfterTheRestart() throws Exception {
    String secret = UUID.randomUUID().toString();
    // the held delivery waits for its answer until the kill (RestartableSyncPost's timeout)
    try (WebhookReceiver receiver = WebhookReceiver.stallingOnFirst(secret)) {
      Api admin = server.admin();
      WebhooksIT.subscribe(admin, receiver.url(), secret, "job.finished");
      long first = WebhooksIT.finishedJob(admin);
      String cut =
          Eventually.within(
              Duration.ofSeconds(60),
              "the first delivery to reach the receiver",
              receiver::stalledEventId,
              id -> id != null);
      long second = WebhooksIT.finishedJob(admin);
      // H2 writes committed changes to its file within a second (WRITE_DELAY): the crash must not
      // also lose the events this test is about
      Thread.sleep(1_500);

      server.kill();
      receiver.release();
      server.restart();

      List<Delivery> got =
          Eventually.within(
              Duration.ofSeconds(240),
              "job.finished of jobs " + first + " and " + second + " after the restart",
              receiver::deliveries,
              seen -> WebhooksIT.jobIds(seen).containsAll(List.of(first, second)));
      assertThat(got).allSatisfy(d -> assertThat(d.signatureValid()).as(d.toString()).isTrue());
      assertThat(got.stream().map(Delivery::eventId).distinct()).hasSize(got.size());
      assertThat(got).extracting(Delivery::eventId).contains(cut);
      assertThat(WebhooksIT.jobIds(got)).containsExactly(first, second);
    }
  }
}
