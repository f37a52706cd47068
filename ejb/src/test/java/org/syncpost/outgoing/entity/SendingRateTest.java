package org.syncpost.outgoing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendingRateTest {

  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

  private Clock clock = Clock.fixed(START, ZoneOffset.UTC);
  private final List<Instant> sent = new ArrayList<>();

  private void advance(Duration by) {
    clock = Clock.offset(clock, by);
  }

  /** Sends what the rate allows now (at most {@code wanted}) and says how many went. */
  private int sendUpTo(SendingRate rate, int wanted) {
    int granted = Math.min(wanted, rate.allowance(sent, 0, clock.instant()));
    for (int i = 0; i < granted; i++) {
      sent.add(clock.instant());
    }
    return granted;
  }

  @Test
  void aFullMinuteAllowsNothingMoreUntilItsFirstMessageIsAMinuteOld() {
    SendingRate rate = new SendingRate(30);

    int first = sendUpTo(rate, 25);
    advance(Duration.ofSeconds(20));
    int second = sendUpTo(rate, 25);
    advance(Duration.ofSeconds(39));
    int beforeTheMinute = sendUpTo(rate, 25);
    advance(Duration.ofSeconds(1));
    int atTheMinute = sendUpTo(rate, 25);
    advance(Duration.ofSeconds(20));
    int later = sendUpTo(rate, 25);

    assertThat(List.of(first, second, beforeTheMinute, atTheMinute, later))
        .containsExactly(25, 5, 0, 25, 5);
  }

  @Test
  void noMinuteEverHoldsMoreThanTheLimit() {
    SendingRate rate = new SendingRate(7);
    for (int second = 0; second < 300; second++) {
      sendUpTo(rate, 3);
      advance(Duration.ofMillis(700));
    }

    for (Instant from : sent) {
      long inTheMinuteFrom =
          sent.stream()
              .filter(at -> !at.isBefore(from) && at.isBefore(from.plusSeconds(60)))
              .count();
      assertThat(inTheMinuteFrom).as("the minute from %s", from).isLessThanOrEqualTo(7);
    }
    assertThat(sent).hasSizeGreaterThanOrEqualTo(7 * 3);
  }

  @Test
  void messagesBeingSentCountAsSentNow() {
    SendingRate rate = new SendingRate(10);
    sent.add(clock.instant());

    assertThat(rate.allowance(sent, 6, clock.instant())).isEqualTo(3);
    assertThat(rate.allowance(sent, 12, clock.instant())).isZero();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new SendingRate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
