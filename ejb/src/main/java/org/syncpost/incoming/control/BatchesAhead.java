package org.syncpost.incoming.control;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Batches that a producer prepares on a thread of its own (fetching and parsing the next batch)
 * while its consumer works on the current one (storing it): one batch waits at most, so memory
 * stays at about three batches. The consumer takes them in the order they were made, so a cursor
 * moved batch by batch never passes a batch not stored.
 *
 * <p>What the producer throws is thrown by {@link #next()} once the batches before it are taken;
 * {@link #close()} stops a producer the consumer no longer listens to and discards what it left.
 */
final class BatchesAhead<T> implements AutoCloseable {

  /** Makes the batches, handing each to {@code out} in order. */
  interface Producer<T> {
    void produce(Handoff<T> out) throws Exception;
  }

  /** Where a producer puts each batch; waits while the previous one is not taken yet. */
  interface Handoff<T> {
    void put(T batch) throws MessagingException;
  }

  private static final Object END = new Object();
  private static final long POLL_MILLIS = 100;

  /** How long closing waits for a producer to notice; its reads are bounded by their timeout. */
  private static final Duration WAIT_FOR_THE_PRODUCER = Duration.ofMinutes(2);

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
  private final Consumer<T> discard;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile Throwable failure;

  private BatchesAhead(
      ThreadFactory threads, String name, Producer<T> producer, Consumer<T> discard) {
    this.discard = discard;
    this.thread = threads.newThread(() -> run(producer));
    thread.setName(name);
  }

  /**
   * @param discard what to do with a batch made but never taken (e.g. delete its temporary files)
   */
  static <T> BatchesAhead<T> start(
      ThreadFactory threads, String name, Producer<T> producer, Consumer<T> discard) {
    BatchesAhead<T> ahead = new BatchesAhead<>(threads, name, producer, discard);
    ahead.thread.start();
    return ahead;
  }

  private void run(Producer<T> producer) {
    try {
      producer.produce(this::put);
    } catch (Throwable failed) {
      failure = failed;
    } finally {
      try {
        while (!stopped && !queue.offer(END, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          // the consumer is still at the previous batch
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void put(T batch) throws MessagingException {
    try {
      while (!stopped) {
        if (queue.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    discard.accept(batch);
    throw new MessagingException("the batches' consumer stopped");
  }

  /**
   * The next batch, waiting for it, or {@code null} after the last one.
   *
   * @throws MessagingException what the producer threw (so do its runtime exceptions and errors)
   */
  @SuppressWarnings("unchecked")
  T next() throws MessagingException {
    Object next;
    try {
      next = queue.take();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new MessagingException("interrupted while waiting for the next batch", interrupted);
    }
    if (next != END) {
      return (T) next;
    }
    queue.offer(END); // asked again, the answer stays the same
    Throwable failed = failure;
    if (failed == null) {
      return null;
    }
    if (failed instanceof MessagingException messaging) {
      throw messaging;
    }
    if (failed instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failed instanceof Error error) {
      throw error;
    }
    throw new MessagingException("preparing a batch failed", (Exception) failed);
  }

  /** Stops the producer, discards the batch it left, and waits for its thread to end. */
  @Override
  public void close() {
    stopped = true;
    discardLeft();
    try {
      thread.join(WAIT_FOR_THE_PRODUCER.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    discardLeft(); // one the producer put just before it saw the stop
  }

  @SuppressWarnings("unchecked")
  private void discardLeft() {
    Object left = queue.poll();
    if (left != null && left != END) {
      discard.accept((T) left);
    }
  }
}
