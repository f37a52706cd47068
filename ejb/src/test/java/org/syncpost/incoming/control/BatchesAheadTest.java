package org.syncpost.incoming.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BatchesAheadTest {

  private final List<Integer> discarded = new CopyOnWriteArrayList<>();

  private BatchesAhead<Integer> start(BatchesAhead.Producer<Integer> producer) {
    return BatchesAhead.start(
        Executors.defaultThreadFactory(), "test-producer", producer, discarded::add);
  }

  private static List<Integer> takeAll(BatchesAhead<Integer> ahead) throws MessagingException {
    List<Integer> taken = new ArrayList<>();
    for (Integer batch = ahead.next(); batch != null; batch = ahead.next()) {
      taken.add(batch);
    }
    return taken;
  }

  @Test
  void theConsumerTakesEveryBatchInTheOrderItWasMadeAndThenNull() throws Exception {
    try (BatchesAhead<Integer> ahead =
        start(
            out -> {
              for (int i = 1; i <= 50; i++) {
                out.put(i);
              }
            })) {
      assertThat(takeAll(ahead)).hasSize(50).isSorted().startsWith(1).endsWith(50);
      assertThat(ahead.next()).isNull();
    }
    assertThat(discarded).isEmpty();
  }

  @Test
  void whatTheProducerThrowsComesAfterTheBatchesMadeBeforeIt() throws Exception {
    List<Integer> taken = new ArrayList<>();
    try (BatchesAhead<Integer> ahead =
        start(
            out -> {
              out.put(1);
              out.put(2);
              throw new MessagingException("connection cut");
            })) {
      assertThatThrownBy(
              () -> {
                for (Integer batch = ahead.next(); batch != null; batch = ahead.next()) {
                  taken.add(batch);
                }
              })
          .isInstanceOf(MessagingException.class)
          .hasMessage("connection cut");
    }
    assertThat(taken).containsExactly(1, 2);
  }

  @Test
  void closingBeforeTheEndStopsTheProducerAndDiscardsWhatItLeft() throws Exception {
    AtomicReference<Thread> producerThread = new AtomicReference<>();
    BatchesAhead<Integer> ahead =
        start(
            out -> {
              producerThread.set(Thread.currentThread());
              for (int i = 1; ; i++) {
                out.put(i);
              }
            });
    assertThat(ahead.next()).isEqualTo(1);
    ahead.close();

    assertThat(producerThread.get().isAlive()).isFalse();
    // made but never taken: the one waiting in the hand-off and the one the producer held
    assertThat(discarded).isNotEmpty().allMatch(batch -> batch > 1);
  }
}
