package org.syncpost.webhook.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.event.control.EventLedger;
import org.syncpost.incoming.control.NodeIdentity;
import org.syncpost.lease.control.LeaseLedger;
import org.syncpost.webhook.control.WebhookDeliverer;
import org.syncpost.webhook.control.WebhookLedger;

/**
 * Drives webhook deliveries: a non-persistent timer tick (persistent timers vanish on Payara Micro,
 * STACK-NOTES) gives committed events their feed positions, then delivers every due subscription
 * whose lease this node gets. All state (cursors, backoff, leases) is in the database, so any node
 * may deliver and a restarted node goes on where the last committed delivery left off.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookScheduler {

  private static final System.Logger LOGGER = System.getLogger(WebhookScheduler.class.getName());

  /** Subscriptions delivered per tick on this node. */
  static final int PER_TICK = 50;

  @Resource TimerService timerService;

  @Inject EventLedger events;
  @Inject WebhookLedger ledger;
  @Inject WebhookDeliverer deliverer;
  @Inject LeaseLedger leases;
  @Inject NodeIdentity node;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "syncpost.webhook.tick-seconds", defaultValue = "2")
  long tickSeconds;

  @Inject
  @ConfigProperty(name = "syncpost.webhook.enabled", defaultValue = "true")
  boolean enabled;

  private final AtomicBoolean ticking = new AtomicBoolean();

  @PostConstruct
  void start() {
    if (!enabled) {
      LOGGER.log(System.Logger.Level.INFO, "Webhook deliveries are switched off on this node");
      return;
    }
    if (node.isStable()) {
      // a stable name (configured, or kept in the data directory): the deliveries its previous run
      // held were cut off; they start again now instead of after the lease
      int released = leases.releaseAllOf(WebhookLedger.DELIVERY, node.name());
      if (released > 0) {
        LOGGER.log(
            System.Logger.Level.INFO,
            "Released {0} webhook delivery leases of this node''s previous run",
            released);
      }
    }
    long period = Math.max(tickSeconds, 1) * 1000;
    timerService.createIntervalTimer(period, period, new TimerConfig("webhook-tick", false));
  }

  @Timeout
  void tick() {
    if (!ticking.compareAndSet(false, true)) {
      return;
    }
    try {
      int positioned;
      do {
        positioned = events.position();
      } while (positioned == EventLedger.BATCH);
      for (long subscriptionId : ledger.due(clock.instant(), PER_TICK)) {
        deliverer.deliver(subscriptionId, node.name());
      }
    } catch (RuntimeException failed) {
      // the next tick tries again; nothing is lost: cursors move only after a delivery committed
      LOGGER.log(
          System.Logger.Level.WARNING, "A webhook tick failed; the next one retries", failed);
    } finally {
      ticking.set(false);
    }
  }
}
