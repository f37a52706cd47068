package org.syncpost.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.event.control.EventJson;
import org.syncpost.event.entity.Event;
import org.syncpost.lease.control.LeaseLedger;

/**
 * Delivers one subscription's events in feed order under its lease: each wanted event is POSTed and
 * its outcome committed before the next; the first failure ends the round (the subscription backs
 * off and starts again from that event), and enough failures in a row pause it with an alert.
 */
@ApplicationScoped
public class WebhookDeliverer {

  private static final System.Logger LOGGER = System.getLogger(WebhookDeliverer.class.getName());

  /** Events read per step of a round. */
  static final int PAGE = 100;

  @Inject WebhookLedger ledger;
  @Inject LeaseLedger leases;
  @Inject WebhookPoster poster;
  @Inject Alerts alerts;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "syncpost.webhook.pause-after-failures", defaultValue = "10")
  int pauseAfter = 10;

  @Inject
  @ConfigProperty(name = "syncpost.webhook.lease-seconds", defaultValue = "120")
  int leaseSeconds = 120;

  /** One round for the subscription, if this node gets its lease. */
  public void deliver(long subscriptionId, String node) {
    Instant now = clock.instant();
    Duration lease = Duration.ofSeconds(Math.max(leaseSeconds, 30));
    if (!leases.claim(WebhookLedger.DELIVERY, subscriptionId, node, now, now.plus(lease))) {
      return;
    }
    // a round ends well before the lease, so that no other node takes it meanwhile
    Instant roundEnds = now.plus(lease.dividedBy(2));
    try {
      WebhookLedger.Plan plan = ledger.plan(subscriptionId);
      if (plan == null) {
        return;
      }
      long cursor = plan.cursor();
      while (clock.instant().isBefore(roundEnds)) {
        List<Event> events = ledger.eventsAfter(cursor, PAGE);
        if (events.isEmpty()) {
          return;
        }
        long passed = cursor;
        for (Event event : events) {
          if (!plan.types().contains(event.getType())) {
            passed = event.getFeedPosition();
            continue;
          }
          if (!deliverOne(plan, event)) {
            if (passed > cursor) {
              ledger.passed(subscriptionId, passed);
            }
            return;
          }
          cursor = passed = event.getFeedPosition();
          if (!clock.instant().isBefore(roundEnds)) {
            return;
          }
        }
        if (passed > cursor) {
          ledger.passed(subscriptionId, passed);
          cursor = passed;
        }
      }
    } finally {
      leases.release(WebhookLedger.DELIVERY, subscriptionId, node);
    }
  }

  private boolean deliverOne(WebhookLedger.Plan plan, Event event) {
    String body = EventJson.of(event).toString();
    Instant at = clock.instant();
    WebhookPoster.Outcome outcome =
        poster.post(
            plan.url(), String.valueOf(event.getId()), body, plan.secret(), at.getEpochSecond());
    if (outcome.delivered()) {
      ledger.delivered(plan.subscriptionId(), event, outcome, at);
      return true;
    }
    LOGGER.log(
        System.Logger.Level.INFO,
        "Webhook subscription {0}: event {1} not delivered: {2}",
        plan.subscriptionId(),
        event.getId(),
        outcome.why());
    String paused = ledger.failed(plan.subscriptionId(), event, outcome, at, pauseAfter);
    if (paused != null) {
      alerts.raise(
          new AlertNotice(
              AlertLevel.ERROR,
              "webhook-paused",
              null,
              null,
              "Webhook subscription "
                  + plan.subscriptionId()
                  + " was paused: its receiver failed "
                  + pauseAfter
                  + " deliveries in a row.",
              "Check that the receiver at the subscription's URL is up and answers 2xx, then set"
                  + " the subscription ACTIVE again (PATCH /api/v1/webhooks/"
                  + plan.subscriptionId()
                  + "); it resumes from the first undelivered event.",
              paused,
              false,
              false));
    }
    return false;
  }
}
