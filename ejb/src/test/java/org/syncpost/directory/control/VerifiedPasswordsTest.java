package org.syncpost.directory.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final VerifiedPasswords verified = new VerifiedPasswords();

  VerifiedPasswordsTest() {
    verified.clock = Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private void at(Duration later) {
    verified.clock = Clock.fixed(NOW.plus(later), ZoneOffset.UTC);
  }

  @Test
  void aVerifiedPasswordIsRememberedForFiveMinutesOnly() {
    verified.remember("hash-1", "secret");

    at(Duration.ofMinutes(4).plusSeconds(59));
    boolean justBefore = verified.remembers("hash-1", "secret");
    at(Duration.ofMinutes(5));
    boolean after = verified.remembers("hash-1", "secret");

    assertThat(List.of(justBefore, after)).containsExactly(true, false);
  }

  @Test
  void anotherPasswordOrAChangedHashIsNotRemembered() {
    verified.remember("hash-1", "secret");

    assertThat(
            List.of(
                verified.remembers("hash-1", "Secret"),
                verified.remembers("hash-2", "secret"),
                verified.remembers("hash-1", "secret")))
        .containsExactly(false, false, true);
  }

  @Test
  void anotherRuntimeRemembersNothing() {
    verified.remember("hash-1", "secret");
    VerifiedPasswords restarted = new VerifiedPasswords();
    restarted.clock = Clock.fixed(NOW, ZoneOffset.UTC);

    assertThat(restarted.remembers("hash-1", "secret")).isFalse();
  }
}
