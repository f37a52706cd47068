package org.syncpost.incoming.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pause before a mailbox whose listener failed is listened to again (ADR 0008). */
class PushListenersTest {

  private final PushListeners listeners = new PushListeners();

  private List<Duration> pausesAfterFailures(long mailboxId, int failures) {
    return IntStream.range(0, failures)
        .mapToObj(i -> listeners.retryAfterFailure(mailboxId))
        .toList();
  }

  @Test
  void eachFailureInARowDoublesThePauseUpToHalfAnHour() {
    assertThat(pausesAfterFailures(7, 7))
        .extracting(Duration::toMinutes)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
  }

  @Test
  void aRenewedIdleStartsTheCountAgain() {
    pausesAfterFailures(7, 3);

    listeners.renewed(7);

    assertThat(listeners.retryAfterFailure(7)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void eachMailboxIsCountedOnItsOwn() {
    pausesAfterFailures(7, 3);

    assertThat(listeners.retryAfterFailure(8)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aRetryPauseLongerThanHalfAnHourIsNeverShortened() {
    assertThat(PushListeners.backOff(Duration.ofHours(1), 3)).isEqualTo(Duration.ofHours(1));
  }
}
