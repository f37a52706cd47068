package org.syncpost.outgoing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.monitoring.control.Heartbeats;
import org.syncpost.outgoing.control.MailboxSender;
import org.syncpost.outgoing.control.OutgoingLedger;
import org.syncpost.outgoing.control.SendingLeases;
import org.syncpost.outgoing.entity.EmailQueued;

/**
 * Drives outgoing email: a non-persistent timer tick (persistent timers vanish on Payara Micro,
 * STACK-NOTES) renews the leases of the batches this node is sending, puts records whose sending
 * node died (stopped renewing) back to pending, then hands every sender mailbox with due email to
 * the managed executor — one sender per mailbox on this node, joined by more (up to the mailbox's
 * connection budget) while they find full batches (ADR 0027). All scheduling state (due times,
 * leases) is in the database, so any node may pick up the work.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutgoingScheduler {

  private static final System.Logger LOGGER = System.getLogger(OutgoingScheduler.class.getName());

  @Resource TimerService timerService;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject OutgoingLedger ledger;
  @Inject MailboxSender sender;
  @Inject SendingLeases leases;
  @Inject Clock clock;
  @Inject Heartbeats heartbeats;

  @Inject
  @ConfigProperty(name = "syncpost.outgoing.tick-seconds", defaultValue = "5")
  long tickSeconds;

  @Inject
  @ConfigProperty(name = "syncpost.outgoing.enabled", defaultValue = "true")
  boolean enabled;

  /** The senders running on this node, per mailbox: at least one, at most its connections. */
  private final ConcurrentMap<Long, Integer> senders = new ConcurrentHashMap<>();

  private final Set<Long> runAgain = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean ticking = new AtomicBoolean();

  @PostConstruct
  void start() {
    if (!enabled) {
      LOGGER.log(System.Logger.Level.INFO, "Outgoing email is switched off on this node");
      return;
    }
    long period = Math.max(tickSeconds, 1) * 1000;
    timerService.createIntervalTimer(period, period, new TimerConfig("outgoing-tick", false));
    heartbeats.expect("outgoing", Duration.ofMillis(period));
    LOGGER.log(System.Logger.Level.INFO, "Outgoing email: a tick every {0} s", period / 1000);
  }

  @Timeout
  void tick(Timer timer) {
    heartbeats.beat("outgoing");
    if (!ticking.compareAndSet(false, true)) {
      return;
    }
    try {
      Instant now = clock.instant();
      // first this node's own batches: however long they take, they stay this node's; only the
      // records of a node that stopped renewing (it died) run out of lease and go again
      leases.renewHeld(now.plus(leases.duration()));
      int released = ledger.releaseExpiredLeases(now);
      if (released > 0) {
        LOGGER.log(
            System.Logger.Level.WARNING,
            "{0} emails were left sending past their lease (a node stopped); they go again",
            released);
      }
      for (Long mailboxId : ledger.sendersWithDueEmail(now)) {
        startFirstSender(mailboxId);
      }
    } catch (RuntimeException e) {
      // the next tick tries again; nothing is lost, the records stay in the database
      LOGGER.log(System.Logger.Level.ERROR, "Outgoing tick failed", e);
    } finally {
      ticking.set(false);
    }
  }

  /**
   * A new email is sent at once rather than at the next tick: the mailbox's sending starts now, or,
   * when it is already running, runs once more after it ends (it may have looked for due email
   * before this one was committed).
   */
  public void emailQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) EmailQueued queued) {
    if (!enabled) {
      return;
    }
    long mailboxId = queued.senderMailboxId();
    if (startFirstSender(mailboxId)) {
      return;
    }
    runAgain.add(mailboxId);
    // the last running sender may have ended between the two lines above: then nobody would run
    if (startFirstSender(mailboxId)) {
      runAgain.remove(mailboxId);
    }
  }

  /**
   * Starts the mailbox's sending on this node unless a sender of it is running.
   *
   * @return whether it started
   */
  private boolean startFirstSender(long mailboxId) {
    boolean[] started = {false};
    senders.computeIfAbsent(
        mailboxId,
        id -> {
          started[0] = true;
          return 1;
        });
    if (started[0]) {
      run(mailboxId, false);
    }
    return started[0];
  }

  /**
   * One more sender for a mailbox whose senders keep finding full batches, while fewer than its
   * connection budget allows run on this node (a further sender takes a connection only if one is
   * free, so a budget shared with other mailboxes is not waited for).
   */
  private void startAnotherSender(long mailboxId, int maxConnections) {
    boolean[] started = {false};
    senders.computeIfPresent(
        mailboxId,
        (id, running) -> {
          if (running >= maxConnections) {
            return running;
          }
          started[0] = true;
          return running + 1;
        });
    if (started[0]) {
      run(mailboxId, true);
    }
  }

  private void run(long mailboxId, boolean joining) {
    try {
      executor.execute(
          () -> {
            try {
              if (joining) {
                sender.sendMoreDueEmail(mailboxId, max -> startAnotherSender(mailboxId, max));
              } else {
                sender.sendDueEmail(mailboxId, max -> startAnotherSender(mailboxId, max));
              }
            } catch (RuntimeException e) {
              LOGGER.log(
                  System.Logger.Level.ERROR, "Sending for mailbox " + mailboxId + " failed", e);
            } finally {
              senderEnded(mailboxId);
            }
          });
    } catch (RejectedExecutionException stopping) {
      senders.computeIfPresent(mailboxId, (id, running) -> running == 1 ? null : running - 1);
    }
  }

  /**
   * The last sender of a mailbox to end runs it once more when an email was queued meanwhile (the
   * senders may have looked for due email before it was committed).
   */
  private void senderEnded(long mailboxId) {
    Integer left =
        senders.computeIfPresent(mailboxId, (id, running) -> running == 1 ? null : running - 1);
    if (left == null && runAgain.remove(mailboxId)) {
      startFirstSender(mailboxId);
    }
  }
}
