package org.syncpost.mailserver.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.monitoring.control.SyncMetrics;

/**
 * Keeps the connections of this node to each mail server account within the profile's maximum
 * concurrent connections: a caller waits for a free slot, and never exceeds the maximum.
 *
 * <p>The budget is per key: the profile's when connections use the profile's credentials (or the
 * server identity), the mailbox's when they use the mailbox's own, and separately for incoming and
 * outgoing, since those are different servers with their own limits (the mailbox capability chooses
 * the key an endpoint carries: {@code Endpoints.keyFor}).
 *
 * <p>The maximum may change while connections are open (an administrator edits the profile): the
 * latest maximum a caller passes applies from then on. Raising it lets waiting callers in at once;
 * lowering it never takes away a permit already held, new callers wait until enough have been
 * returned. Waiting callers are served in arrival order (a fair lock and its FIFO condition queue).
 *
 * <p>Keys are kept for the life of the application: one small object per mailbox or profile that
 * ever connected.
 *
 * <p>A connection kept open between uses stays counted: its permits are {@linkplain #park parked}
 * with a way to close it. A caller that finds a budget full of parked connections closes the one
 * parked last and takes its place instead of waiting (ADR 0026), so keeping connections never makes
 * anyone wait and never opens more than the maximum.
 *
 * <p>Counts are per node. Several nodes split the mailboxes by lease, so a mailbox's connections
 * are on one node at a time; a profile's shared budget is per node as well.
 */
@ApplicationScoped
public class ConnectionLimiter {

  private final ConcurrentMap<String, Gate> gates = new ConcurrentHashMap<>();

  /** Publishes each budget's open connections; absent where a test builds the limiter itself. */
  @Inject SyncMetrics metrics;

  /**
   * The budget every test & enable and incoming cycle of one profile's mailboxes shares, whatever
   * their credentials: together they never hold more than the profile's maximum connections on this
   * node (ADR 0006).
   */
  public static String profileBudgetKey(Long profileId) {
    return profileId == null ? "no-profile-tests" : "profile-" + profileId + "-tests";
  }

  /** {@link #acquire(String, int, Duration)} with the endpoint's key and maximum. */
  public Permit acquire(Endpoint endpoint, Duration wait) {
    return acquire(endpoint.connectionKey(), endpoint.maxConnections(), wait, endpoint.describe());
  }

  /**
   * A permit for one connection under {@code key}, waiting up to {@code wait} for one to be free.
   * Close the permit when the connection is closed.
   *
   * @throws MailServerFailure {@code CONNECTION_LIMIT_REACHED} when none became free in time, or
   *     the wait was interrupted (the interrupt flag is kept)
   */
  public Permit acquire(String key, int max, Duration wait) {
    return acquire(key, max, wait, key);
  }

  /** Connections currently open under {@code key}. */
  public int inUse(String key) {
    Gate gate = gates.get(key);
    return gate == null ? 0 : gate.inUse();
  }

  /** Idle connections kept open under {@code key} (counted in {@link #inUse} too). */
  public int parked(String key) {
    Gate gate = gates.get(key);
    return gate == null ? 0 : gate.parked();
  }

  private Permit acquire(String key, int max, Duration wait, String server) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one connection must be allowed, got " + max);
    }
    Gate gate = gates.computeIfAbsent(key, k -> new Gate());
    if (metrics != null) {
      metrics.connectionBudget(key, gate::inUse);
    }
    String what = "(at most " + max + " at a time for " + key + ")";
    try {
      if (!gate.enter(max, TimeUnit.NANOSECONDS.convert(wait))) {
        throw MailServerFailure.of(
            FailureCause.CONNECTION_LIMIT_REACHED,
            server,
            what,
            "no connection slot became free within " + wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MailServerFailure.of(
          FailureCause.CONNECTION_LIMIT_REACHED,
          server,
          what,
          "interrupted while waiting for a connection slot");
    }
    return new Permit(gate);
  }

  /**
   * Parks an idle connection that holds {@code permits}: it stays counted until a caller reclaims
   * it ({@link Parked#reclaim}) or it is closed — by its owner ({@link Parked#close}), or by a
   * caller of {@code acquire} that finds one of its budgets full, which runs {@code
   * closeConnection} and then closes the permits. Oldest first.
   */
  public Parked park(Runnable closeConnection, Permit... permits) {
    Parked parked = new Parked(closeConnection, List.of(permits));
    for (Permit permit : permits) {
      permit.gate.park(parked);
    }
    return parked;
  }

  /** An idle connection whose permits wait to be reclaimed by its owner or taken by others. */
  public static final class Parked {

    private final Runnable closeConnection;
    private final List<Permit> permits;
    private final AtomicBoolean claimed = new AtomicBoolean();

    private Parked(Runnable closeConnection, List<Permit> permits) {
      this.closeConnection = closeConnection;
      this.permits = permits;
    }

    /**
     * Whether the owner has its connection and permits back: false when it was closed meanwhile.
     */
    public boolean reclaim() {
      if (!claimed.compareAndSet(false, true)) {
        return false;
      }
      unlist();
      return true;
    }

    /** Closes the connection and gives its permits back, unless it was reclaimed or closed. */
    public void close() {
      if (claimed.compareAndSet(false, true)) {
        unlist();
        closeClaimed();
      }
    }

    boolean claim() {
      return claimed.compareAndSet(false, true);
    }

    /** After a successful {@link #claim}: the connection first, then its places in the budgets. */
    void closeClaimed() {
      try {
        closeConnection.run();
      } finally {
        permits.forEach(Permit::close);
      }
    }

    void unlist() {
      for (Permit permit : permits) {
        permit.gate.unpark(this);
      }
    }
  }

  /** One connection's place in its budget; closing it (once or more) gives the place back. */
  public static final class Permit implements AutoCloseable {

    final Gate gate;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Permit(Gate gate) {
      this.gate = gate;
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        gate.leave();
      }
    }
  }

  /** A counting gate whose size can change; a semaphore cannot shrink without blocking. */
  private static final class Gate {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition freed = lock.newCondition();
    private int max = 1;
    private int inUse;
    private final Deque<Parked> parked = new ArrayDeque<>();

    boolean enter(int newMax, long waitNanos) throws InterruptedException {
      lock.lockInterruptibly();
      try {
        if (newMax > max) {
          freed.signalAll();
        }
        max = newMax;
        long remaining = waitNanos;
        long deadline = System.nanoTime() + waitNanos;
        while (inUse >= max) {
          Parked newest = takeNewestParked();
          if (newest != null) {
            // closing talks to the server (LOGOUT): not while others wait for this lock
            lock.unlock();
            try {
              newest.unlist();
              newest.closeClaimed();
            } finally {
              lock.lock();
            }
            remaining = deadline - System.nanoTime();
            continue;
          }
          if (remaining <= 0) {
            return false;
          }
          remaining = freed.awaitNanos(remaining);
        }
        inUse++;
        if (inUse < max) {
          // a raised maximum may have room for more than the one that was woken
          freed.signal();
        }
        return true;
      } finally {
        lock.unlock();
      }
    }

    /**
     * The connection parked last, claimed for closing; {@code null} when there is none. Not the
     * oldest: mailboxes are polled in turn, so with more of them than the budget holds, the oldest
     * parked connection is the next one due, and closing it would leave no connection ever reused.
     * Closing the newest keeps the others' connections for their next poll.
     */
    private Parked takeNewestParked() {
      Iterator<Parked> newestFirst = parked.descendingIterator();
      while (newestFirst.hasNext()) {
        Parked candidate = newestFirst.next();
        newestFirst.remove();
        if (candidate.claim()) {
          return candidate;
        }
      }
      return null;
    }

    void park(Parked connection) {
      lock.lock();
      try {
        parked.add(connection);
      } finally {
        lock.unlock();
      }
    }

    void unpark(Parked connection) {
      lock.lock();
      try {
        parked.remove(connection);
      } finally {
        lock.unlock();
      }
    }

    int parked() {
      lock.lock();
      try {
        return parked.size();
      } finally {
        lock.unlock();
      }
    }

    void leave() {
      lock.lock();
      try {
        inUse--;
        freed.signal();
      } finally {
        lock.unlock();
      }
    }

    int inUse() {
      lock.lock();
      try {
        return inUse;
      } finally {
        lock.unlock();
      }
    }
  }
}
