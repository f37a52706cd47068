package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.OwnedMailboxes.OwnedMailbox;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;

/**
 * {@code GET /api/v1/events?after=cursor}: what happened, written with the change itself (the
 * outbox), read in the order the feed gave it, through a real Postfix and Dovecot.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class EventFeedIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final Api admin;
  private final OwnedMailboxes mailboxes;

  EventFeedIT(SyncPostServer server) {
    this.admin = server.admin();
    this.mailboxes = new OwnedMailboxes(admin, servers);
  }

  @Test
  void enablingAMailboxAndSendingFromItAreAnnouncedInTheOrderTheyHappened() {
    String cursor = head();
    OwnedMailbox mailbox = mailboxes.enabled();
    Reply created =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", mailbox.id())
                .add("to", Json.createArrayBuilder().add(mailbox.mailUser().address()))
                .add("subject", "announced")
                .add("textBody", "An email whose sending is an event.")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long emailId = created.json().getJsonNumber("id").longValue();

    List<JsonObject> events =
        Eventually.within(
            Duration.ofSeconds(120),
            "email.sent of email " + emailId,
            () -> eventsAfter(cursor),
            seen -> seen.stream().anyMatch(e -> isAbout(e, "email.sent", "emailId", emailId)));

    List<String> aboutThisMailbox =
        events.stream()
            .filter(
                e ->
                    e.getJsonObject("data").containsKey("mailboxId")
                        && e.getJsonObject("data").getJsonNumber("mailboxId").longValue()
                            == mailbox.id())
            .map(e -> e.getString("type") + direction(e))
            .toList();
    assertThat(aboutThisMailbox)
        .containsSubsequence("mailbox.enabled incoming", "mailbox.enabled outgoing", "email.sent")
        .containsOnlyOnce("email.sent");
    assertThat(events.stream().map(e -> e.getString("id")).distinct()).hasSize(events.size());
  }

  @Test
  void aFinishedJobIsAnnouncedWithItsResult() {
    String cursor = head();
    OwnedMailbox unconfigured = mailboxes.unconfigured();
    Reply job =
        admin.post("mailboxes/test-and-enable", "{\"mailboxIds\": [" + unconfigured.id() + "]}");
    assertThat(job.status()).as(job.toString()).isBetween(200, 202);
    long jobId = job.json().getJsonNumber("id").longValue();

    List<JsonObject> events =
        Eventually.within(
            Duration.ofSeconds(60),
            "job.finished of job " + jobId,
            () -> eventsAfter(cursor),
            seen -> seen.stream().anyMatch(e -> isAbout(e, "job.finished", "jobId", jobId)));

    JsonObject finished =
        events.stream().filter(e -> isAbout(e, "job.finished", "jobId", jobId)).findFirst().get();
    assertThat(finished.getJsonObject("data").getInt("total")).isEqualTo(1);
    assertThat(finished.getJsonObject("data").getString("kind"))
        .isEqualTo("TEST_AND_ENABLE_MAILBOXES");
  }

  @Test
  void aCursorIsANumberFromAPreviousAnswer() {
    Reply refused = admin.get("events?after=yesterday");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(ProfilesApiIT.errors(refused)).containsOnlyKeys("after");
  }

  @Test
  void anUnchangedFeedAnswersTheSameCursor() {
    String cursor = head();
    Reply page = admin.get("events?after=" + cursor);

    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(Long.parseLong(page.json().getString("next")))
        .isGreaterThanOrEqualTo(Long.parseLong(cursor));
  }

  /** The cursor after everything that happened so far. */
  private String head() {
    String cursor = "0";
    while (true) {
      Reply page = admin.get("events?limit=1000&after=" + cursor);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      if (page.json().getJsonArray("events").isEmpty()) {
        return cursor;
      }
      cursor = page.json().getString("next");
    }
  }

  private List<JsonObject> eventsAfter(String cursor) {
    List<JsonObject> events = new ArrayList<>();
    String next = cursor;
    while (true) {
      Reply page = admin.get("events?limit=1000&after=" + next);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      var items = page.json().getJsonArray("events");
      if (items.isEmpty()) {
        return events;
      }
      items.forEach(v -> events.add(v.asJsonObject()));
      next = page.json().getString("next");
    }
  }

  private static boolean isAbout(JsonObject event, String type, String idField, long id) {
    JsonObject data = event.getJsonObject("data");
    return event.getString("type").equals(type)
        && data.containsKey(idField)
        && data.getJsonNumber(idField).longValue() == id;
  }

  private static String direction(JsonObject event) {
    JsonObject data = event.getJsonObject("data");
    return data.containsKey("direction") ? " " + data.getString("direction") : "";
  }
}
