package org.syncpost.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.SignInFailed;
import org.syncpost.access.entity.SignInLocked;

class SignInThrottleTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private final SignInThrottle throttle = new SignInThrottle();
  private final RecordedEvents<SignInFailed> failures = new RecordedEvents<>();
  private final RecordedEvents<SignInLocked> locks = new RecordedEvents<>();

  SignInThrottleTest() {
    throttle.accountLockAfter = 5;
    throttle.addressLockAfter = 30;
    throttle.lockMinutes = 15;
    throttle.failedSignIns = failures;
    throttle.locks = locks;
    at(NOW);
  }

  private void at(Instant instant) {
    throttle.clock = Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void theDelayBeforeAFailureIsAnsweredGrowsWithEachFailure() {
    assertThat(
            java.util.stream.IntStream.rangeClosed(1, 4)
                .mapToObj(i -> throttle.failed("admin", "10.0.0." + i).toMillis()))
        .containsExactly(250L, 500L, 1000L, 2000L);
  }

  @Test
  void fiveFailuresInARowLockTheUserNameForFifteenMinutesFromEveryAddress() {
    for (int i = 1; i <= 5; i++) {
      throttle.failed("Admin", "10.0.0." + i);
    }

    assertThat(throttle.lockedFor("admin", "192.168.1.1")).contains(Duration.ofMinutes(15));
    assertThat(locks.fired)
        .containsExactly(
            new SignInLocked(
                SignInLocked.Scope.ACCOUNT, "admin", NOW.plus(Duration.ofMinutes(15)), 5));
  }

  @Test
  void theLockEndsAfterItsTime() {
    for (int i = 1; i <= 5; i++) {
      throttle.failed("admin", "10.0.0.1");
    }
    at(NOW.plus(Duration.ofMinutes(15)));

    assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
  }

  @Test
  void anUnknownUserNameIsLockedLikeAKnownOne() {
    for (int i = 1; i <= 5; i++) {
      throttle.failed("nobody-by-this-name", "10.0.0.1");
    }

    assertThat(throttle.lockedFor("nobody-by-this-name", "10.0.0.2")).isPresent();
  }

  @Test
  void aSuccessClearsTheUserNamesFailures() {
    for (int i = 1; i <= 4; i++) {
      throttle.failed("alice", "10.0.0.1");
    }
    throttle.succeeded("alice");
    throttle.failed("alice", "10.0.0.1");

    assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
    assertThat(failures.fired.get(failures.fired.size() - 1).failures()).isEqualTo(1);
  }

  @Test
  void guessingManyUserNamesFromOneAddressLocksTheAddress() {
    for (int i = 1; i <= 30; i++) {
      throttle.failed("user" + i, "203.0.113.7");
    }

    assertThat(throttle.lockedFor("someone-else", "203.0.113.7")).isPresent();
    assertThat(throttle.lockedFor("someone-else", "203.0.113.8")).isEmpty();
    assertThat(locks.fired)
        .extracting(SignInLocked::scope, SignInLocked::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SignInLocked.Scope.ADDRESS, "203.0.113.7"));
  }

  @Test
  void failuresLongAgoAreForgotten() {
    for (int i = 1; i <= 4; i++) {
      throttle.failed("bob", "10.0.0.1");
    }
    at(NOW.plus(Duration.ofMinutes(16)));
    throttle.failed("bob", "10.0.0.1");

    assertThat(throttle.lockedFor("bob", "10.0.0.1")).isEmpty();
  }

  @Test
  void theDelayStopsGrowingAtFourSeconds() {
    assertThat(SignInThrottle.delayAfter(40)).isEqualTo(Duration.ofSeconds(4));
  }
}
