package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.WebhookReceiver.Delivery;
import org.syncpost.testing.Eventually;

/**
 * Webhooks end to end: a receiving HTTP server on loopback subscribes to {@code job.finished}, and
 * gets each event once, signed, in order; a receiver that fails at first gets it after a retry.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class WebhooksIT {

  private final Api admin;

  WebhooksIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void everyEventIsDeliveredOnceWithAValidSignatureInTheOrderItHappened() throws Exception {
    String secret = UUID.randomUUID().toString();
    try (WebhookReceiver receiver = WebhookReceiver.answering200(secret)) {
      long subscription = subscribe(receiver.url(), secret, "job.finished");
      List<Long> jobs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        jobs.add(finishedJob());
      }

      List<Delivery> got =
          Eventually.within(
              Duration.ofSeconds(120),
              "job.finished of jobs " + jobs,
              receiver::deliveries,
              seen -> jobIds(seen).containsAll(jobs));

      assertThat(got).allSatisfy(d -> assertThat(d.signatureValid()).as(d.toString()).isTrue());
      assertThat(got)
          .allSatisfy(d -> assertThat(d.event().getString("type")).isEqualTo("job.finished"));
      assertThat(got.stream().map(Delivery::eventId).distinct()).hasSize(got.size());
      assertThat(got).allSatisfy(d -> assertThat(d.event().getString("id")).isEqualTo(d.eventId()));
      assertThat(jobIds(got).stream().filter(jobs::contains).toList())
          .as("in the order the jobs finished")
          .containsExactlyElementsOf(jobs);
      // each delivery is logged once the receiver's answer is back, a moment after it counted it
      Reply log =
          Eventually.within(
              Duration.ofSeconds(30),
              "the delivery log of webhook " + subscription + " naming " + got.size(),
              () -> admin.get("webhooks/" + subscription + "/deliveries"),
              r -> r.status() != 200 || r.array().size() >= got.size());
      assertThat(log.status()).as(log.toString()).isEqualTo(200);
      assertThat(log.array()).hasSize(got.size());
      assertThat(log.array().getJsonObject(0).getBoolean("delivered")).isTrue();
      admin.delete("webhooks/" + subscription);
    }
  }

  @Test
  void aReceiverThatFailsAtFirstGetsTheEventAfterARetryAndTheLogShowsEachAttempt()
      throws Exception {
    String secret = UUID.randomUUID().toString();
    try (WebhookReceiver receiver = WebhookReceiver.failingFirst(secret, 2)) {
      long subscription = subscribe(receiver.url(), secret, "job.finished");
      long job = finishedJob();

      Eventually.within(
          Duration.ofSeconds(120),
          "job.finished of job " + job + " after two failures",
          receiver::deliveries,
          seen -> jobIds(seen).contains(job));

      // the receiver has its answer before SyncPost records it: the success is committed a moment
      // after the receiver counted the delivery
      JsonObject state =
          Eventually.within(
              Duration.ofSeconds(30),
              "webhook " + subscription + " recording the delivery",
              () -> admin.get("webhooks/" + subscription).json(),
              s -> s.getInt("consecutiveFailures") == 0);
      assertThat(state.getString("status")).isEqualTo("ACTIVE");
      List<Boolean> attempts =
          admin.get("webhooks/" + subscription + "/deliveries").array().stream()
              .map(v -> v.asJsonObject().getBoolean("delivered"))
              .toList();
      assertThat(attempts).as("newest first").containsExactly(true, false, false);
      admin.delete("webhooks/" + subscription);
    }
  }

  @Test
  void aSubscriptionNeedsAnHttpUrlASecretAndKnownEvents() {
    Reply refused =
        admin.post(
            "webhooks",
            Json.createObjectBuilder()
                .add("url", "ftp://example.org/hook")
                .add("secret", "short")
                .add("events", Json.createArrayBuilder().add("email.exploded"))
                .build()
                .toString());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(ProfilesApiIT.errors(refused)).containsOnlyKeys("url", "secret", "events[0]");
  }

  @Test
  void theSecretIsNeverReadBack() throws Exception {
    String secret = "never-shown-" + UUID.randomUUID();
    long subscription = subscribe("http://127.0.0.1:9/hook", secret, "email.sent");

    assertThat(admin.get("webhooks/" + subscription).body()).doesNotContain(secret);
    assertThat(admin.get("webhooks").body()).doesNotContain(secret);
    admin.delete("webhooks/" + subscription);
  }

  private long subscribe(String url, String secret, String... events) {
    return subscribe(admin, url, secret, events);
  }

  static long subscribe(Api admin, String url, String secret, String... events) {
    var types = Json.createArrayBuilder();
    for (String event : events) {
      types.add(event);
    }
    Reply created =
        admin.post(
            "webhooks",
            Json.createObjectBuilder()
                .add("url", url)
                .add("secret", secret)
                .add("events", types)
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  private long finishedJob() {
    return finishedJob(admin);
  }

  /** A test &amp; enable job of one unconfigured mailbox, waited for until it finished. */
  static long finishedJob(Api admin) {
    long mailbox = new OwnedMailboxes(admin, null).unconfigured().id();
    Reply job = admin.post("mailboxes/test-and-enable", "{\"mailboxIds\": [" + mailbox + "]}");
    assertThat(job.status()).as(job.toString()).isBetween(200, 202);
    long jobId = job.json().getJsonNumber("id").longValue();
    Eventually.within(
        Duration.ofSeconds(60),
        "job " + jobId + " finished",
        () -> admin.get("jobs/" + jobId).json().getString("status"),
        status -> !status.equals("RUNNING") && !status.equals("QUEUED"));
    return jobId;
  }

  static List<Long> jobIds(List<Delivery> deliveries) {
    return deliveries.stream()
        .map(d -> d.event().getJsonObject("data"))
        .filter(data -> data.containsKey("jobId"))
        .map(data -> data.getJsonNumber("jobId").longValue())
        .toList();
  }
}
