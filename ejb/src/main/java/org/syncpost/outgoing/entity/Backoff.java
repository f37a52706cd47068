package org.syncpost.outgoing.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try again after a transient failure: the organisation's retry interval, doubled after
 * each failed attempt (at most {@link #MAX_DELAY}), and spread by ±20% so that the emails of a
 * server that was down do not all come back at the same second.
 */
public final class Backoff {

  public static final Duration MAX_DELAY = Duration.ofHours(12);
  private static final double JITTER = 0.2;

  private Backoff() {}

  /**
   * @param failedAttempts attempts made so far, at least 1
   * @param interval the organisation's retry interval
   */
  public static Instant nextAttempt(
      Instant now, int failedAttempts, Duration interval, RandomGenerator random) {
    long base = interval.toMillis();
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
    long delay = Math.min(base << doublings, MAX_DELAY.toMillis());
    double spread = 1 + JITTER * (2 * random.nextDouble() - 1);
    return now.plusMillis(Math.round(delay * spread));
  }
}
