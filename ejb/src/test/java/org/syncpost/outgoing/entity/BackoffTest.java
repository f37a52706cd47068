package org.syncpost.outgoing.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static Duration delayAfter(int attempts, RandomGenerator random) {
    return Duration.between(NOW, Backoff.nextAttempt(NOW, attempts, Duration.ofMinutes(5), random));
  }

  @Test
  void theFirstRetryWaitsTheOrganisationsInterval() {
    RandomGenerator middle = new FixedDouble(0.5);
    assertThat(delayAfter(1, middle)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void eachFurtherFailureDoublesTheWait() {
    RandomGenerator middle = new FixedDouble(0.5);
    assertThat(delayAfter(3, middle)).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void theWaitNeverExceedsTwelveHours() {
    assertThat(delayAfter(30, new FixedDouble(0.5))).isEqualTo(Backoff.MAX_DELAY);
  }

  @Test
  void jitterSpreadsTheWaitByAtMostAFifth() {
    assertThat(delayAfter(1, new FixedDouble(0.0))).isEqualTo(Duration.ofMinutes(4));
    assertThat(delayAfter(1, new FixedDouble(0.999999)))
        .isBetween(Duration.ofSeconds(359), Duration.ofMinutes(6));
  }

  /** A generator whose nextDouble is always the same. */
  private record FixedDouble(double value) implements RandomGenerator {
    @Override
    public long nextLong() {
      return 0;
    }

    @Override
    public double nextDouble() {
      return value;
    }
  }
}
