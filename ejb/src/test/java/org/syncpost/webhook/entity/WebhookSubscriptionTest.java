package org.syncpost.webhook.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.event.entity.EventType;

class WebhookSubscriptionTest {

  private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

  private final WebhookSubscription subscription =
      new WebhookSubscription(
          "https://app.example.org/hooks",
          Secret.of("a-secret-of-some-length"),
          EnumSet.of(EventType.EMAIL_SENT, EventType.JOB_FINISHED),
          41,
          "admin",
          NOW);

  @Test
  void failedDeliveriesBackOffDoublingFromFiveSecondsUpToAnHour() {
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      subscription.deliveryFailed(NOW, 100, "HTTP 503");
      waits.add(Duration.between(NOW, subscription.getNextAttemptAt()));
    }

    assertThat(waits.subList(0, 4))
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40));
    assertThat(waits.get(11)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theTenthFailureInARowPausesItWithTheLastReason() {
    boolean paused = false;
    for (int i = 0; i < 10; i++) {
      paused = subscription.deliveryFailed(NOW, 10, "the receiver answered HTTP 500");
    }

    assertThat(paused).isTrue();
    assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.PAUSED);
    assertThat(subscription.getPausedReason())
        .isEqualTo(
            "Paused after 10 failed deliveries in a row; the last: the receiver answered HTTP 500");
  }

  @Test
  void aDeliveryEndsTheFailuresAndMovesTheCursorOnlyForward() {
    subscription.deliveryFailed(NOW, 10, "timeout");

    subscription.deliveredUpTo(50);
    subscription.deliveredUpTo(45);

    assertThat(subscription.getFeedCursor()).isEqualTo(50);
    assertThat(subscription.getConsecutiveFailures()).isZero();
    assertThat(subscription.getNextAttemptAt()).isNull();
  }

  @Test
  void resumingAPausedSubscriptionStartsItsFailuresOver() {
    for (int i = 0; i < 3; i++) {
      subscription.deliveryFailed(NOW, 3, "timeout");
    }

    subscription.resume();

    assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(subscription.getConsecutiveFailures()).isZero();
    assertThat(subscription.getPausedReason()).isNull();
    assertThat(subscription.getFeedCursor()).isEqualTo(41);
  }

  @Test
  void itWantsOnlyTheTypesItNamed() {
    assertThat(subscription.wants(EventType.EMAIL_SENT)).isTrue();
    assertThat(subscription.wants(EventType.EMAIL_RECEIVED)).isFalse();
  }
}
