package org.syncpost.webhook.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.webhook.entity.SubscriptionStatus;

/**
 * Keeps the event feed and the webhook delivery logs from growing without end. Once an hour it
 * deletes the events older than the retention that every active subscription has already delivered
 * (an active subscription that lags keeps what it still owes its receiver), and the delivery log
 * lines older than the retention. A paused subscription holds nothing back: resumed after longer
 * than the retention, it continues from the oldest event kept. The feed sits in the webhook
 * capability because only it knows which events subscriptions still need (ADR 0013's order puts
 * events below webhooks).
 */
@Stateless
public class FeedRetention {

  private static final System.Logger LOGGER = System.getLogger(FeedRetention.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "syncpost.event.retention-days", defaultValue = "30")
  int retentionDays;

  /** What one pass deleted. */
  public record Purged(int events, int deliveries) {}

  @Schedule(hour = "*", minute = "37", persistent = false)
  void hourly() {
    Purged purged =
        purgeOlderThan(clock.instant().minus(Duration.ofDays(Math.max(1, retentionDays))));
    LOGGER.log(
        System.Logger.Level.DEBUG,
        "Deleted {0} events and {1} webhook delivery log lines older than {2} days",
        purged.events(),
        purged.deliveries(),
        retentionDays);
  }

  /** Deletes what is older than {@code before}, as the hourly pass does (one transaction). */
  public Purged purgeOlderThan(Instant before) {
    Long lowestActiveCursor =
        em.createQuery(
                "select min(s.feedCursor) from WebhookSubscription s where s.status = :active",
                Long.class)
            .setParameter("active", SubscriptionStatus.ACTIVE)
            .getSingleResult();
    int events =
        em.createQuery(
                "delete from Event e where e.occurredOn < :before and e.feedPosition is not null"
                    + " and e.feedPosition <= :deliveredToAll")
            .setParameter("before", before)
            .setParameter(
                "deliveredToAll", lowestActiveCursor == null ? Long.MAX_VALUE : lowestActiveCursor)
            .executeUpdate();
    int deliveries =
        em.createQuery("delete from WebhookDelivery d where d.attemptedOn < :before")
            .setParameter("before", before)
            .executeUpdate();
    return new Purged(events, deliveries);
  }
}
