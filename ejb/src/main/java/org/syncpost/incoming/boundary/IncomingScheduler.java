package org.syncpost.incoming.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.audit.control.Actor;
import org.syncpost.incoming.control.CyclePlan;
import org.syncpost.incoming.control.DisabledMailboxRetests;
import org.syncpost.incoming.control.DueMailboxes;
import org.syncpost.incoming.control.IncomingCycle;
import org.syncpost.incoming.control.IncomingRecords;
import org.syncpost.incoming.control.KeptConnections;
import org.syncpost.incoming.control.MailboxLeases;
import org.syncpost.incoming.control.NodeIdentity;
import org.syncpost.incoming.control.PushListeners;
import org.syncpost.incoming.control.PushRecords;
import org.syncpost.monitoring.control.Heartbeats;

/**
 * Drives incoming synchronization: a non-persistent timer tick (persistent timers vanish on Payara
 * Micro; the schedule lives in the database as each mailbox's next poll time) picks the due
 * mailboxes, claims each one's lease, and runs its cycle on the managed executor. As many cycles
 * run at once on this node as the profiles' connection budgets allow (a cycle beyond them would
 * only wait for a slot), at most four per core (a first import parses and stores on two threads)
 * and at most {@code syncpost.incoming.parallelism}, an administrator's upper bound; the connection
 * limiter keeps each profile or mailbox within its maximum connections. Connections kept between
 * polls ({@link KeptConnections}) idle for too long are closed each tick.
 *
 * <p>A mailbox's poll starts when it falls due, not at the next tick: a finished cycle starts the
 * next due mailbox in its slot, and while slots are free a wake-up is set for the next mailbox to
 * fall due (ScaleBenchmark: waiting for the tick lost a sixth of the polls of mailboxes polled
 * every minute).
 *
 * <p>Each tick also lines up push ({@link PushListeners}): a listener that hears of new mail wakes
 * the mailbox ({@link #wake}), which makes its cycle due now and starts it at once, without waiting
 * for the next tick. A mailbox woken while its cycle runs gets another cycle after it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IncomingScheduler {

  private static final System.Logger LOGGER = System.getLogger(IncomingScheduler.class.getName());

  public static final String TICK_SECONDS = IncomingRecords.TICK_SECONDS;
  public static final String PARALLELISM = "syncpost.incoming.parallelism";
  public static final String ENABLED = "syncpost.incoming.enabled";

  @Resource TimerService timerService;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /**
   * Wakes the scheduler when the next mailbox falls due between two ticks; not the timer service,
   * which the cycles' own threads (they start the next mailbox) may not call.
   */
  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService wakeUps;

  @Inject MailboxLeases leases;
  @Inject PushListeners push;
  @Inject PushRecords pushRecords;
  @Inject IncomingCycle cycle;
  @Inject IncomingRecords records;
  @Inject DisabledMailboxRetests retests;
  @Inject NodeIdentity node;
  @Inject Clock clock;
  @Inject Heartbeats heartbeats;
  @Inject KeptConnections kept;

  @Inject
  @ConfigProperty(name = TICK_SECONDS, defaultValue = "10")
  int tickSeconds;

  @Inject
  @ConfigProperty(name = PARALLELISM, defaultValue = "4")
  int parallelism;

  /** Cycles at once per core, at most. */
  static final int CYCLES_PER_CORE = 4;

  /** Cycles at once now: the budgets as read at the last tick, the cores, the setting. */
  private volatile int slots = 1;

  @Inject
  @ConfigProperty(name = ENABLED, defaultValue = "true")
  boolean enabled;

  /** The mailboxes this node polls next, read a tick ahead; used under {@code starting}. */
  private DueMailboxes due;

  /** When the wake-up for the next mailbox to fall due comes, or {@code null} if none is set. */
  private Instant wakeUpAt;

  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final Set<Long> wokenWhileRunning = ConcurrentHashMap.newKeySet();
  private final Object starting = new Object();

  @PostConstruct
  void start() {
    if (!enabled) {
      LOGGER.log(System.Logger.Level.INFO, "Incoming synchronization is switched off");
      return;
    }
    if (node.isStable()) {
      // a stable name (configured, or kept in the data directory): what its previous run held,
      // nothing works on any more
      int released = leases.releaseAllOf(node.name());
      if (released > 0) {
        LOGGER.log(
            System.Logger.Level.INFO,
            "Released {0} mailbox leases of this node''s previous run",
            released);
      }
    }
    slots = slots(records.connectionBudgets());
    due = new DueMailboxes(leases::upcoming, Duration.ofSeconds(Math.max(tickSeconds, 1)));
    long tick = Duration.ofSeconds(Math.max(tickSeconds, 1)).toMillis();
    timerService.createIntervalTimer(tick, tick, new TimerConfig("incoming-tick", false));
    heartbeats.expect("incoming", Duration.ofMillis(tick));
    LOGGER.log(
        System.Logger.Level.INFO,
        "Incoming synchronization on node {0}: every {1} s, {2} mailboxes at a time (at most {3})",
        node.name(),
        tickSeconds,
        slots,
        parallelism);
  }

  @Timeout
  void tick() {
    heartbeats.beat("incoming");
    try {
      kept.closeIdle();
      slots = slots(records.connectionBudgets());
      startDueCycles();
    } catch (RuntimeException failed) {
      // the database may be away for a moment; the next tick tries again
      LOGGER.log(System.Logger.Level.WARNING, "Incoming tick failed: {0}", failed.toString());
    }
    try {
      push.reconcile(pushLease(), this::wake);
    } catch (RuntimeException failed) {
      LOGGER.log(System.Logger.Level.WARNING, "Lining up push failed: {0}", failed.toString());
    }
  }

  /** Three ticks, and at least a minute: a dead node's mailboxes are listened to again soon. */
  private Duration pushLease() {
    return Duration.ofSeconds(Math.max(3L * Math.max(tickSeconds, 1), 60));
  }

  /**
   * New mail was announced for a mailbox (IMAP IDLE): its cycle is due now and starts at once if
   * this node has room. Called on a listener's thread, not through the container.
   */
  void wake(long mailboxId) {
    try {
      pushRecords.wake(mailboxId, clock.instant());
      if (running.contains(mailboxId)) {
        wokenWhileRunning.add(mailboxId);
      }
      synchronized (starting) {
        due.forget(); // the woken mailbox is due now, which the mailboxes read ahead do not say
      }
      startDueCycles();
    } catch (RuntimeException failed) {
      // the mailbox is still polled; the next tick (or the next announcement) tries again
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Waking mailbox {0} failed: {1}",
          mailboxId,
          failed.toString());
    }
  }

  @PreDestroy
  void stop() {
    push.stopAll();
    kept.closeAll();
  }

  /** Cycles at once for {@code budgets} connections: at least one, at most the setting. */
  int slots(long budgets) {
    long cores = (long) Runtime.getRuntime().availableProcessors() * CYCLES_PER_CORE;
    return (int) Math.max(1, Math.min(Math.max(parallelism, 1), Math.min(budgets, cores)));
  }

  private void startDueCycles() {
    Instant now = clock.instant();
    // the leases of running cycles (also "sync now") stay ahead of the clock; a node that dies
    // stops renewing them, and they expire for another node (or this one, restarted) to take over
    leases.renewHeld(now.plus(leases.duration()));
    startDueCycles(now);
    startDueRetests(now);
  }

  /**
   * Starts cycles of the mailboxes due by {@code now}, as many as there are free slots. When slots
   * stay free, a wake-up is set for the next mailbox to fall due before the next tick, so that its
   * poll starts on time rather than up to a tick late.
   */
  private void startDueCycles(Instant now) {
    List<Long> reserved;
    synchronized (starting) {
      int free = slots - running.size();
      if (free <= 0) {
        return; // the next cycle to end starts the next mailbox
      }
      reserved = reserveSlots(due.take(now, free));
      Instant next = due.nextDue();
      if (next != null && running.size() < slots) {
        wakeAt(next);
      }
    }
    for (Long mailboxId : reserved) {
      launch(
          mailboxId,
          () -> {
            // the claim reads the cycle's plan in its own transaction, not in one more
            CyclePlan plan =
                cycle.claimDue(mailboxId, node.name(), now, now.plus(leases.duration()));
            return plan == null ? null : () -> cycle.runScheduled(plan, node.name()).moreWaiting();
          });
    }
  }

  /**
   * Re-tests of mailboxes the error policy disabled, on their slow schedule (minutes to hours), in
   * the slots still free at a tick.
   */
  private void startDueRetests(Instant now) {
    List<Long> reserved;
    synchronized (starting) {
      int free = slots - running.size();
      if (free <= 0) {
        return; // a limit of 0 rows would mean "no limit" to JPA
      }
      reserved = reserveSlots(records.retestsDue(now, free));
    }
    for (Long mailboxId : reserved) {
      launch(
          mailboxId,
          () ->
              leases.claim(mailboxId, node.name(), now, now.plus(leases.duration()))
                  ? () -> {
                    retests.retest(mailboxId);
                    return false;
                  }
                  : null);
    }
  }

  /**
   * Called under {@code starting}: a slot for each mailbox not running already, which its lease
   * claim (a transaction, outside the lock) then keeps or gives back.
   */
  private List<Long> reserveSlots(List<Long> mailboxIds) {
    return mailboxIds.stream().filter(running::add).toList();
  }

  /** Called under {@code starting}: a wake-up at {@code due}, unless one comes no later. */
  private void wakeAt(Instant due) {
    Instant now = clock.instant();
    if (wakeUpAt != null && !wakeUpAt.isAfter(due) && wakeUpAt.isAfter(now)) {
      return;
    }
    wakeUpAt = due;
    try {
      // a millisecond late rather than early: woken before its time, the mailbox would not be due
      wakeUps.schedule(
          this::wakeUp, Duration.between(now, due).toMillis() + 1, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      wakeUpAt = null; // the next tick looks anyway
    }
  }

  private void wakeUp() {
    try {
      synchronized (starting) {
        wakeUpAt = null;
      }
      startDueCycles(clock.instant());
    } catch (RuntimeException failed) {
      // the next tick tries again
      LOGGER.log(System.Logger.Level.DEBUG, "Starting the due cycles failed: {0}", failed);
    }
  }

  /**
   * Claims the mailbox's lease for its reserved slot and runs the work the claim answers (which
   * answers whether more mail is waiting) on the executor; gives the slot back when the claim
   * answers none, another node or a "sync now" having been quicker. Not an overload of start(): the
   * EJB container finds lifecycle callbacks by name.
   */
  private void launch(long mailboxId, Supplier<BooleanSupplier> claim) {
    boolean claimed = false;
    try {
      BooleanSupplier work = claim.get();
      claimed = work != null;
      if (claimed) {
        executor.execute(() -> runCycle(mailboxId, work));
      }
    } catch (RuntimeException notStarted) {
      // the database away for a moment, or the executor full: the next tick tries again
      if (claimed) {
        leases.release(mailboxId, node.name());
      }
      claimed = false;
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Mailbox {0} was not started: {1}",
          mailboxId,
          notStarted.toString());
    } finally {
      if (!claimed) {
        running.remove(mailboxId);
      }
    }
  }

  private void runCycle(long mailboxId, BooleanSupplier work) {
    boolean moreWaiting = false;
    try {
      moreWaiting = Actor.bySystem(work::getAsBoolean);
    } catch (RuntimeException unexpected) {
      // recorded nowhere else: the mailbox's health stays as the cycle left it
      LOGGER.log(
          System.Logger.Level.ERROR,
          "Incoming synchronization of mailbox " + mailboxId + " failed unexpectedly",
          unexpected);
    } finally {
      // a cycle that recorded its outcome gave the lease back with it, in one transaction; any
      // other (refused, failed unexpectedly, a re-test) still holds it here
      leases.releaseIfHeld(mailboxId, node.name());
      running.remove(mailboxId);
    }
    if (wokenWhileRunning.remove(mailboxId)) {
      // the announced message may have arrived after this cycle looked
      wake(mailboxId);
    } else {
      if (moreWaiting) {
        synchronized (starting) {
          due.forget(); // the mailbox goes on at once, which the mailboxes read ahead do not say
        }
      }
      // A slot is free now: the next due mailbox starts at once, not at the next tick, which
      // alone would start at most `slots` cycles per tick (4 every 10 s: 24 polls a minute for
      // all mailboxes together, found by ScaleBenchmark). A mailbox polled "as often as possible"
      // is still polled once a tick: its next poll is a tick after its cycle began
      // (IncomingRecords#succeeded).
      try {
        startDueCycles(clock.instant());
      } catch (RuntimeException failed) {
        LOGGER.log(System.Logger.Level.DEBUG, "Starting the next cycle failed: {0}", failed);
      }
    }
  }
}
