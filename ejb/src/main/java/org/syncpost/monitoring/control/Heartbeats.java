package org.syncpost.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When each of this node's schedulers last ticked. A scheduler registers its period when it starts
 * and beats on every tick; it counts as stalled when it has been silent for three periods and half
 * a minute more (a loaded server delays timers, it does not skip three of them).
 */
@ApplicationScoped
public class Heartbeats {

  static final Duration GRACE = Duration.ofSeconds(30);

  private final ConcurrentMap<String, Beat> beats = new ConcurrentHashMap<>();

  @Inject Clock clock;

  public Heartbeats() {}

  /** For unit tests. */
  public Heartbeats(Clock clock) {
    this.clock = clock;
  }

  /** The scheduler {@code name} ticks every {@code period} from now on. */
  public void expect(String name, Duration period) {
    beats.put(name, new Beat(period, clock.instant()));
  }

  /** The scheduler {@code name} ticked. */
  public void beat(String name) {
    beats.computeIfPresent(name, (key, beat) -> new Beat(beat.period(), clock.instant()));
  }

  /** Every registered scheduler and whether it is alive now, by name. */
  public Map<String, Status> statuses() {
    Instant now = clock.instant();
    Map<String, Status> statuses = new TreeMap<>();
    beats.forEach(
        (name, beat) -> {
          Duration silent = Duration.between(beat.last(), now);
          Duration allowed = beat.period().multipliedBy(3).plus(GRACE);
          statuses.put(name, new Status(silent.compareTo(allowed) <= 0, silent, beat.last()));
        });
    return statuses;
  }

  /**
   * @param alive whether it ticked within the allowed silence
   * @param silentFor since its last tick (or its start)
   * @param lastTick its last tick, or its start when it has not ticked yet
   */
  public record Status(boolean alive, Duration silentFor, Instant lastTick) {}

  private record Beat(Duration period, Instant last) {}
}
