package org.syncpost.incoming.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncpost.incoming.control.MailboxLeases.Upcoming;

class DueMailboxesTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final Duration TICK = Duration.ofSeconds(10);

  /** A schedule in memory, answering as the query does, counting how often it is asked. */
  private final List<Upcoming> schedule = new ArrayList<>();

  private int reads;

  private final DueMailboxes due =
      new DueMailboxes(
          (now, horizon, limit) -> {
            reads++;
            return schedule.stream()
                .filter(mailbox -> !mailbox.dueAt().isAfter(horizon))
                .sorted(Comparator.comparing(Upcoming::dueAt))
                .limit(limit)
                .toList();
          },
          TICK);

  private void dueAt(long mailboxId, Instant at) {
    schedule.add(new Upcoming(mailboxId, at));
  }

  @Test
  void mailboxesFallingDueWithinATickAreTakenEachAtItsTimeFromOneRead() {
    dueAt(1, T0);
    dueAt(2, T0.plusSeconds(3));
    dueAt(3, T0.plusSeconds(7));
    dueAt(4, T0.plusSeconds(30));

    List<List<Long>> taken = new ArrayList<>();
    taken.add(due.take(T0, 10));
    Instant wakeUp = due.nextDue();
    taken.add(due.take(T0.plusSeconds(3), 10));
    taken.add(due.take(T0.plusSeconds(7), 10));

    assertThat(taken).containsExactly(List.of(1L), List.of(2L), List.of(3L));
    assertThat(wakeUp).isEqualTo(T0.plusSeconds(3));
    assertThat(reads).isEqualTo(1);
  }

  @Test
  void noMoreAreTakenThanThereAreFreeSlotsAndTheRestWaitLongestWaitingFirst() {
    dueAt(1, T0.minusSeconds(5));
    dueAt(2, T0.minusSeconds(9));
    dueAt(3, T0.minusSeconds(1));

    assertThat(due.take(T0, 2)).containsExactly(2L, 1L);
    assertThat(due.take(T0, 2)).containsExactly(3L);
  }

  @Test
  void theScheduleIsReadAgainOnceTheTickItWasReadForHasPassed() {
    dueAt(1, T0.plusSeconds(5));
    due.take(T0, 10);
    dueAt(2, T0.plusSeconds(12));

    List<Long> later = due.take(T0.plusSeconds(12), 10);

    assertThat(later).containsExactly(1L, 2L);
    assertThat(reads).isEqualTo(2);
  }

  @Test
  void aMailboxWokenBetweenReadsIsTakenOnceTheScheduleIsForgotten() {
    dueAt(1, T0.plusSeconds(8));
    due.take(T0, 10);
    dueAt(2, T0.plusSeconds(1));

    List<Long> remembered = due.take(T0.plusSeconds(1), 10);
    due.forget();
    List<Long> readAgain = due.take(T0.plusSeconds(1), 10);

    assertThat(remembered).isEmpty();
    assertThat(readAgain).containsExactly(2L);
  }
}
