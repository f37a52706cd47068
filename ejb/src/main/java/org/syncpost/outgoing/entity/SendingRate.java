package org.syncpost.outgoing.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A profile's sending rate limit: at most {@code perMinute} messages in any minute over all its
 * mailboxes, so that the provider does not block them. It is a sliding window over what the
 * database says was sent (its {@code sentOn} times) and what is being sent right now, so every node
 * sharing the database counts the same messages.
 *
 * @param perMinute messages per minute, at least 1
 */
public record SendingRate(int perMinute) {

  public static final Duration WINDOW = Duration.ofMinutes(1);

  public SendingRate {
    if (perMinute < 1) {
      throw new IllegalArgumentException("a rate limit allows at least one message a minute");
    }
  }

  /** Where the window that ends at {@code now} begins (exclusive). */
  public static Instant windowStart(Instant now) {
    return now.minus(WINDOW);
  }

  /**
   * How many more messages may go at {@code now}.
   *
   * @param sentOn when the profile's messages were sent, of those after {@link #windowStart}
   * @param inFlight messages taken for sending and not finished yet: they count as sent now
   */
  public int allowance(List<Instant> sentOn, int inFlight, Instant now) {
    Instant start = windowStart(now);
    long inWindow = sentOn.stream().filter(at -> at.isAfter(start) && !at.isAfter(now)).count();
    return (int) Math.max(0, perMinute - inWindow - inFlight);
  }
}
