package org.syncpost.webhook.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.AsAdministrator;
import org.syncpost.event.boundary.Events;
import org.syncpost.event.control.EventOutbox;
import org.syncpost.event.entity.Event;
import org.syncpost.event.entity.EventType;
import org.syncpost.webhook.entity.SubscriptionStatus;
import org.syncpost.webhook.entity.WebhookSubscription;

/**
 * The feed is purged of old events, but never of one an active subscription has yet to deliver (the
 * suite runs with webhook delivery off, so a subscription's cursor stays where it began).
 */
@ExtendWith(ArquillianExtension.class)
class FeedRetentionIT {

  @Inject AsAdministrator admin;
  @Inject EventOutbox outbox;
  @Inject Events events;
  @Inject Webhooks webhooks;
  @Inject FeedRetention retention;
  @Inject UserTransaction transaction;

  @Test
  void oldEventsGoButNotThoseAnActiveSubscriptionStillOwesUntilItIsPaused() throws Exception {
    String delivered = record();
    inFeed(); // gives it its feed position before the subscription begins after it
    WebhookSubscription subscription =
        admin.call(
            () ->
                webhooks.create(
                    "https://receiver.example/hook",
                    "a-secret-of-sixteen-chars",
                    List.of("job.finished")));
    String owed = record();
    inFeed();

    try {
      retention.purgeOlderThan(Instant.now().plusSeconds(60));

      assertThat(inFeed()).doesNotContain(delivered).contains(owed);

      admin.call(
          () -> webhooks.update(subscription.getId(), null, null, null, SubscriptionStatus.PAUSED));
      FeedRetention.Purged purged = retention.purgeOlderThan(Instant.now().plusSeconds(60));

      assertThat(inFeed()).doesNotContain(owed);
      assertThat(purged.events()).isPositive();
    } finally {
      admin.run(() -> webhooks.delete(subscription.getId()));
    }
  }

  @Test
  void eventsYoungerThanTheRetentionStay() throws Exception {
    String recent = record();
    inFeed();

    retention.purgeOlderThan(Instant.now().minusSeconds(3600));

    assertThat(inFeed()).contains(recent);
  }

  private String record() throws Exception {
    String marker = UUID.randomUUID().toString();
    transaction.begin();
    outbox.record(EventType.JOB_FINISHED, Json.createObjectBuilder().add("marker", marker).build());
    transaction.commit();
    return marker;
  }

  /** The markers of every event now in the feed. */
  private List<String> inFeed() throws Exception {
    return admin.call(() -> events.after(0, 1_000_000)).stream()
        .map(Event::getData)
        .filter(data -> data.contains("marker"))
        .map(
            data ->
                Json.createReader(new java.io.StringReader(data)).readObject().getString("marker"))
        .toList();
  }
}
