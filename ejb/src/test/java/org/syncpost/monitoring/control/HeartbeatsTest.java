package org.syncpost.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

  /** A clock the test moves on. */
  private static final class SteppingClock extends Clock {
    private Instant now = START;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final SteppingClock clock = new SteppingClock();
  private final Heartbeats heartbeats = new Heartbeats(clock);

  @Test
  void aSchedulerThatKeepsTickingIsAlive() {
    heartbeats.expect("incoming", Duration.ofSeconds(10));
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofSeconds(10));
      heartbeats.beat("incoming");
    }

    assertThat(heartbeats.statuses().get("incoming").alive()).isTrue();
  }

  @Test
  void aSchedulerSilentForThreePeriodsAndTheGraceIsStalled() {
    heartbeats.expect("outgoing", Duration.ofSeconds(5));
    heartbeats.beat("outgoing");

    clock.advance(Duration.ofSeconds(15).plus(Heartbeats.GRACE));
    boolean aliveAtTheLimit = heartbeats.statuses().get("outgoing").alive();
    clock.advance(Duration.ofSeconds(1));

    assertThat(aliveAtTheLimit).isTrue();
    assertThat(heartbeats.statuses().get("outgoing"))
        .returns(false, Heartbeats.Status::alive)
        .returns(Duration.ofSeconds(46), Heartbeats.Status::silentFor);
  }

  @Test
  void aSchedulerThatNeverTickedIsStalledOnceTheAllowedSilenceSinceItsStartIsOver() {
    heartbeats.expect("incoming", Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(61));

    assertThat(heartbeats.statuses().get("incoming").alive()).isFalse();
  }

  @Test
  void aSchedulerSwitchedOffOnThisNodeIsNotExpected() {
    heartbeats.beat("outgoing");

    assertThat(heartbeats.statuses()).isEmpty();
  }
}
