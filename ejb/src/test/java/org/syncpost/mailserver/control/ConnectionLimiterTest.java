package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.testing.Eventually;

// permits held by try-with-resources without being named in the block are the point here
@SuppressWarnings("try")
@Timeout(30)
class ConnectionLimiterTest {

  private static final Duration LONG_ENOUGH = Duration.ofSeconds(20);

  private final ConnectionLimiter limiter = new ConnectionLimiter();

  @Test
  void manyCallersNeverHoldMoreThanTheMaximumAndAllGetTheirTurn() throws Exception {
    int callers = 12;
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger served = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  try (Permit permit = limiter.acquire("profile-1-incoming", 3, LONG_ENOUGH)) {
                    peak.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    holding.decrementAndGet();
                    served.incrementAndGet();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(25, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(peak.get()).isEqualTo(3);
    assertThat(served.get()).isEqualTo(callers);
    assertThat(limiter.inUse("profile-1-incoming")).isZero();
  }

  @Test
  void aCallerThatWaitsTooLongIsToldTheLimitWasReached() {
    try (Permit only = limiter.acquire("mailbox-7-incoming", 1, LONG_ENOUGH)) {
      MailServerFailure failure =
          catchThrowableOfType(
              MailServerFailure.class,
              () -> limiter.acquire("mailbox-7-incoming", 1, Duration.ofMillis(50)));

      assertThat(failure.failureCause()).isEqualTo(FailureCause.CONNECTION_LIMIT_REACHED);
      assertThat(failure.isTransient()).isTrue();
    }
  }

  @Test
  void keysHaveSeparateBudgets() {
    try (Permit incoming = limiter.acquire("mailbox-7-incoming", 1, LONG_ENOUGH);
        Permit outgoing = limiter.acquire("mailbox-7-outgoing", 1, Duration.ofMillis(50))) {
      assertThat(limiter.inUse("mailbox-7-incoming")).isEqualTo(1);
      assertThat(limiter.inUse("mailbox-7-outgoing")).isEqualTo(1);
    }
  }

  @Test
  void closingAPermitTwiceGivesBackOnlyOnePlace() {
    Permit first = limiter.acquire("profile-2-outgoing", 2, LONG_ENOUGH);
    Permit second = limiter.acquire("profile-2-outgoing", 2, LONG_ENOUGH);

    first.close();
    first.close();

    assertThat(limiter.inUse("profile-2-outgoing")).isEqualTo(1);
    second.close();
  }

  @Test
  void aRaisedMaximumLetsAWaitingCallerInAtOnce() throws Exception {
    Permit held = limiter.acquire("profile-3-incoming", 1, LONG_ENOUGH);
    CompletableFuture<Permit> waiting = new CompletableFuture<>();
    Thread waiter =
        new Thread(() -> waiting.complete(limiter.acquire("profile-3-incoming", 1, LONG_ENOUGH)));
    waiter.start();
    Eventually.within(
        Duration.ofSeconds(5),
        "the second caller to wait for a slot",
        () -> waiter.getState() == Thread.State.TIMED_WAITING);

    try (Permit raised = limiter.acquire("profile-3-incoming", 3, LONG_ENOUGH);
        Permit admitted = waiting.get(5, TimeUnit.SECONDS)) {
      assertThat(limiter.inUse("profile-3-incoming")).isEqualTo(3);
    } finally {
      held.close();
    }
  }

  @Test
  void aLoweredMaximumKeepsPermitsHeldButAdmitsNoOneUntilBelowIt() {
    Permit first = limiter.acquire("profile-4-incoming", 2, LONG_ENOUGH);
    Permit second = limiter.acquire("profile-4-incoming", 2, LONG_ENOUGH);

    MailServerFailure refused =
        catchThrowableOfType(
            MailServerFailure.class,
            () -> limiter.acquire("profile-4-incoming", 1, Duration.ofMillis(50)));
    first.close();
    MailServerFailure stillRefused =
        catchThrowableOfType(
            MailServerFailure.class,
            () -> limiter.acquire("profile-4-incoming", 1, Duration.ofMillis(50)));
    second.close();

    assertThat(refused).isNotNull();
    assertThat(stillRefused).isNotNull();
    try (Permit admitted = limiter.acquire("profile-4-incoming", 1, Duration.ofMillis(50))) {
      assertThat(limiter.inUse("profile-4-incoming")).isEqualTo(1);
    }
  }

  @Test
  void aCallerFindingTheBudgetFullOfIdleConnectionsClosesTheOneParkedLastAndTakesItsPlace() {
    List<String> closed = new ArrayList<>();
    Permit olderSlot = limiter.acquire("profile-5-tests", 2, LONG_ENOUGH);
    ConnectionLimiter.Parked older = limiter.park(() -> closed.add("older"), olderSlot);
    Permit newestSlot = limiter.acquire("profile-5-tests", 2, LONG_ENOUGH);
    Permit newestAccount = limiter.acquire("mailbox-50-incoming", 1, LONG_ENOUGH);
    ConnectionLimiter.Parked newest =
        limiter.park(() -> closed.add("newest"), newestSlot, newestAccount);

    try (Permit taken = limiter.acquire("profile-5-tests", 2, Duration.ZERO)) {
      // polled in turn, the older one is due sooner: its connection is the one worth keeping
      assertThat(closed).containsExactly("newest");
      assertThat(limiter.inUse("profile-5-tests")).isEqualTo(2);
      // the closed connection gave back its place in its other budget too
      assertThat(limiter.inUse("mailbox-50-incoming")).isZero();
      assertThat(newest.reclaim()).isFalse();
      assertThat(older.reclaim()).isTrue();
      assertThat(limiter.parked("profile-5-tests")).isZero();
    }
  }

  @Test
  void aReclaimedIdleConnectionIsNoLongerClosedForOthersAndKeepsItsPlace() {
    List<String> closed = new ArrayList<>();
    Permit slot = limiter.acquire("profile-6-tests", 1, LONG_ENOUGH);
    ConnectionLimiter.Parked parked = limiter.park(() -> closed.add("kept"), slot);

    assertThat(parked.reclaim()).isTrue();
    MailServerFailure refused =
        catchThrowableOfType(
            MailServerFailure.class,
            () -> limiter.acquire("profile-6-tests", 1, Duration.ofMillis(50)));

    assertThat(refused.failureCause()).isEqualTo(FailureCause.CONNECTION_LIMIT_REACHED);
    assertThat(closed).isEmpty();
    assertThat(limiter.inUse("profile-6-tests")).isEqualTo(1);
    slot.close();
    assertThat(limiter.inUse("profile-6-tests")).isZero();
  }

  @Test
  void idleConnectionsNeverLetMoreThanTheMaximumBeOpen() throws Exception {
    int callers = 8;
    AtomicInteger open = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        done.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 50; round++) {
                    Permit permit = limiter.acquire("profile-7-tests", 3, LONG_ENOUGH);
                    peak.accumulateAndGet(open.incrementAndGet(), Math::max);
                    // the connection is kept: it stays open until someone needs its place
                    limiter.park(open::decrementAndGet, permit);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(25, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(peak.get()).isEqualTo(3);
    assertThat(limiter.inUse("profile-7-tests")).isEqualTo(open.get()).isEqualTo(3);
  }
}
