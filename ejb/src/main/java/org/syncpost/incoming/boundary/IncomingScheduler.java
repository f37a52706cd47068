package org.syncpost.incoming.boundary;

import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.incoming.control.DisabledMailboxRetests;
import org.syncpost.incoming.control.IncomingCycle;
import org.syncpost.incoming.control.IncomingRecords;
import org.syncpost.incoming.control.MailboxLeases;
import org.syncpost.incoming.control.NodeIdentity;

/**
 * Drives incoming synchronization: a non-persistent timer tick (persistent timers vanish on Payara
 * Micro; the schedule lives in the database as each mailbox's next poll time) picks the due
 * mailboxes, claims each one's lease, and runs its cycle on the managed executor. At most {@code
 * syncpost.incoming.parallelism} cycles run at once on this node; the connection limiter keeps each
 * profile or mailbox within its maximum connections.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IncomingScheduler {

  private static final System.Logger LOGGER = System.getLogger(IncomingScheduler.class.getName());

  public static final String TICK_SECONDS = "syncpost.incoming.tick-seconds";
  public static final String PARALLELISM = "syncpost.incoming.parallelism";
  public static final String ENABLED = "syncpost.incoming.enabled";

  @Resource TimerService timerService;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject MailboxLeases leases;
  @Inject IncomingCycle cycle;
  @Inject IncomingRecords records;
  @Inject DisabledMailboxRetests retests;
  @Inject NodeIdentity node;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = TICK_SECONDS, defaultValue = "10")
  int tickSeconds;

  @Inject
  @ConfigProperty(name = PARALLELISM, defaultValue = "4")
  int parallelism;

  @Inject
  @ConfigProperty(name = ENABLED, defaultValue = "true")
  boolean enabled;

  private final Set<Long> running = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void start() {
    if (!enabled) {
      LOGGER.log(System.Logger.Level.INFO, "Incoming synchronization is switched off");
      return;
    }
    if (node.isConfigured()) {
      // a node's name survives its restart only when configured: what its previous run held,
      // nothing works on any more
      int released = leases.releaseAllOf(node.name());
      if (released > 0) {
        LOGGER.log(
            System.Logger.Level.INFO,
            "Released {0} mailbox leases of this node''s previous run",
            released);
      }
    }
    long tick = Duration.ofSeconds(Math.max(tickSeconds, 1)).toMillis();
    timerService.createIntervalTimer(tick, tick, new TimerConfig("incoming-tick", false));
    LOGGER.log(
        System.Logger.Level.INFO,
        "Incoming synchronization on node {0}: every {1} s, {2} mailboxes at a time",
        node.name(),
        tickSeconds,
        parallelism);
  }

  @Timeout
  void tick() {
    try {
      startDueCycles();
    } catch (RuntimeException failed) {
      // the database may be away for a moment; the next tick tries again
      LOGGER.log(System.Logger.Level.WARNING, "Incoming tick failed: {0}", failed.toString());
    }
  }

  private void startDueCycles() {
    Instant now = clock.instant();
    // the leases of running cycles (also "sync now") stay ahead of the clock; a node that dies
    // stops renewing them, and they expire for another node (or this one, restarted) to take over
    leases.renewHeld(now.plus(leases.duration()));
    int free = parallelism - running.size();
    if (free <= 0) {
      return;
    }
    for (Long mailboxId : leases.due(now, free)) {
      launch(mailboxId, now, () -> cycle.run(mailboxId));
    }
    // mailboxes the error policy disabled are tested again on their slow schedule
    int stillFree = parallelism - running.size();
    if (stillFree > 0) {
      for (Long mailboxId : records.retestsDue(now, stillFree)) {
        launch(mailboxId, now, () -> retests.retest(mailboxId));
      }
    }
  }

  // not an overload of start(): the EJB container finds lifecycle callbacks by name
  private void launch(long mailboxId, Instant now, Runnable work) {
    if (!leases.claim(mailboxId, node.name(), now, now.plus(leases.duration()))) {
      return; // another node (or a "sync now") was quicker
    }
    running.add(mailboxId);
    try {
      executor.execute(() -> runCycle(mailboxId, work));
    } catch (RejectedExecutionException full) {
      running.remove(mailboxId);
      leases.release(mailboxId, node.name());
    }
  }

  private void runCycle(long mailboxId, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException unexpected) {
      // recorded nowhere else: the mailbox's health stays as the cycle left it
      LOGGER.log(
          System.Logger.Level.ERROR,
          "Incoming synchronization of mailbox " + mailboxId + " failed unexpectedly",
          unexpected);
    } finally {
      leases.release(mailboxId, node.name());
      running.remove(mailboxId);
    }
  }
}
