package org.syncpost.alert.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertNotice;

/**
 * Raises one alert at a time per de-duplication key, so that the same failure reported by several
 * threads at once is counted, not stored twice.
 *
 * <p>On this node, raises of the same key wait for each other. Across nodes the database decides:
 * the unique key lets only one node store the alert, the version lets only one count it at a time,
 * and the loser records again in a new transaction, which then counts what the winner committed.
 * Every lost race means another raise committed, so a few attempts always suffice.
 */
@ApplicationScoped
public class AlertRaiser {

  private static final System.Logger LOGGER = System.getLogger(AlertRaiser.class.getName());
  static final int MAX_ATTEMPTS = 10;
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  @Inject AlertRecorder recorder;

  public AlertRaiser() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** The new or counted alert; empty when the organisation does not raise its level. */
  public Optional<Alert> raise(AlertNotice notice) {
    ReentrantLock stripe = stripes[Math.floorMod(notice.dedupKey().hashCode(), STRIPES)];
    stripe.lock();
    try {
      return recordUntilUncontended(notice);
    } finally {
      stripe.unlock();
    }
  }

  private Optional<Alert> recordUntilUncontended(AlertNotice notice) {
    for (int attempt = 1; ; attempt++) {
      try {
        return recorder.record(notice);
      } catch (RuntimeException e) {
        if (attempt >= MAX_ATTEMPTS || !isConcurrentRaise(e)) {
          throw e;
        }
        LOGGER.log(
            System.Logger.Level.INFO,
            "Alert {0} was raised concurrently elsewhere; recording it again (attempt {1})",
            notice.dedupKey(),
            attempt + 1);
        pauseBefore(attempt + 1);
      }
    }
  }

  /** Another transaction stored the same alert first, or counted it in between. */
  static boolean isConcurrentRaise(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException
          || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A few random milliseconds, so that raises that collided do not collide again. */
  private static void pauseBefore(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while raising an alert", e);
    }
  }
}
