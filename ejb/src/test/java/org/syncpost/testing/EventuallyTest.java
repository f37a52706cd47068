package org.syncpost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class EventuallyTest {

  @Test
  void answersTheFirstValueThatIsDone() {
    AtomicInteger reads = new AtomicInteger();

    int value =
        Eventually.within(
            Duration.ofSeconds(5), "three reads", reads::incrementAndGet, n -> n >= 3);

    assertThat(value).isEqualTo(3);
  }

  @Test
  void aWaitThatRunsOutSaysWhatWasAwaitedAndWhatWasSeenLast() {
    AssertionError failure =
        catchThrowableOfType(
            AssertionError.class,
            () -> Eventually.within(Duration.ofMillis(200), "the answer", () -> 41, n -> n == 42));

    assertThat(failure).hasMessage("Waited 200 ms for the answer; last seen: 41");
  }

  @Test
  void aProbeThatThrowsIsAskedAgainAndItsLastFailureIsTheCause() {
    AtomicInteger reads = new AtomicInteger();
    Eventually.within(
        Duration.ofSeconds(5),
        "a probe that fails twice",
        () -> {
          if (reads.incrementAndGet() < 3) {
            throw new IllegalStateException("not yet");
          }
          return true;
        });

    AssertionError failure =
        catchThrowableOfType(
            AssertionError.class,
            () ->
                Eventually.within(
                    Duration.ofMillis(100),
                    "a probe that always fails",
                    () -> {
                      throw new IllegalStateException("never");
                    }));

    assertThat(reads).hasValue(3);
    assertThat(failure).hasRootCauseMessage("never");
  }

  @Test
  void lastWithinAnswersTheLastValueWhenTheTimeRunsOut() {
    assertThat(Eventually.lastWithin(Duration.ofMillis(100), () -> 7, n -> n == 8)).isEqualTo(7);
  }
}
