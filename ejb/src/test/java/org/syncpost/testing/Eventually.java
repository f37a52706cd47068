package org.syncpost.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Waits for something that happens a moment later — on another thread, in another process, in the
 * server — by asking again until it holds or the time is up, never for a fixed pause. The one way
 * tests in this project wait; a failed wait says what was awaited, for how long, and what was seen
 * last.
 *
 * <pre>{@code
 * EmailRecord sent = Eventually.within(Duration.ofSeconds(20), "the email to be sent",
 *     () -> emails.find(id), e -> e.getStatus() == EmailStatus.SENT);
 * }</pre>
 *
 * A probe that throws counts as "not yet"; its last exception becomes the failure's cause.
 */
public final class Eventually {

  private static final long FIRST_PAUSE_MILLIS = 10;
  private static final long LONGEST_PAUSE_MILLIS = 100;

  private Eventually() {}

  /** Something to read again and again; may throw while it is not ready. */
  @FunctionalInterface
  public interface Probe<T> {
    T read() throws Exception;
  }

  /** A condition to ask again and again; may throw while it is not ready. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /**
   * Waits until {@code condition} holds.
   *
   * @throws AssertionError when it did not hold within {@code timeout}
   */
  public static void within(Duration timeout, String what, Condition condition) {
    within(timeout, what, condition::holds, Boolean.TRUE::equals);
  }

  /**
   * Reads {@code probe} until what it reads is {@code done}, and answers that value.
   *
   * @throws AssertionError when no value read within {@code timeout} was done, with the last one
   */
  public static <T> T within(
      Duration timeout, String what, Probe<T> probe, Predicate<? super T> done) {
    Attempts<T> attempts = attempt(timeout, probe, done);
    if (attempts.done) {
      return attempts.last;
    }
    AssertionError failure =
        new AssertionError(
            "Waited "
                + describe(timeout)
                + " for "
                + what
                + (attempts.interrupted ? " (interrupted)" : "")
                + "; last seen: "
                + (attempts.failure != null && attempts.last == null
                    ? attempts.failure.toString()
                    : Objects.toString(attempts.last)));
    if (attempts.failure != null) {
      failure.initCause(attempts.failure);
    }
    throw failure;
  }

  /**
   * Reads {@code probe} until what it reads is {@code done} or {@code timeout} passed, and answers
   * the last value read, for an assertion of the caller's that names the expected value itself. An
   * interruption ends the wait early and stays set on the thread.
   */
  public static <T> T lastWithin(Duration timeout, Probe<T> probe, Predicate<? super T> done) {
    Attempts<T> attempts = attempt(timeout, probe, done);
    if (attempts.last == null && attempts.failure != null) {
      throw new IllegalStateException(
          "the probe failed every time in " + describe(timeout), attempts.failure);
    }
    return attempts.last;
  }

  private static <T> Attempts<T> attempt(
      Duration timeout, Probe<T> probe, Predicate<? super T> done) {
    Attempts<T> attempts = new Attempts<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    while (true) {
      try {
        attempts.last = probe.read();
        attempts.failure = null;
        if (done.test(attempts.last)) {
          attempts.done = true;
          return attempts;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        attempts.interrupted = true;
        return attempts;
      } catch (Exception notYet) {
        attempts.failure = notYet;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return attempts;
      }
      try {
        Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        attempts.interrupted = true;
        return attempts;
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
    }
  }

  private static String describe(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  private static final class Attempts<T> {
    T last;
    Exception failure;
    boolean done;
    boolean interrupted;
  }
}
