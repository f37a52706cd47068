package org.syncpost.webhook.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.syncpost.event.entity.Event;
import org.syncpost.event.entity.EventType;
import org.syncpost.lease.control.LeasedRows;
import org.syncpost.webhook.entity.WebhookDelivery;
import org.syncpost.webhook.entity.WebhookSubscription;

/**
 * The delivery state of subscriptions, each step in a transaction of its own (ADR 0012): a
 * delivered event moves the cursor and logs the attempt together, so a crash between the POST and
 * this commit delivers that event again (at least once), never skips it.
 */
@Stateless
public class WebhookLedger {

  /** The delivery lease of a subscription: one node at a time delivers it. */
  public static final LeasedRows DELIVERY =
      new LeasedRows("webhook_subscription", "lease_owner", "lease_until", "status = 'ACTIVE'");

  @PersistenceContext EntityManager em;

  /** What one round of deliveries of a subscription needs. */
  public record Plan(
      long subscriptionId, String url, String secret, Set<EventType> types, long cursor) {}

  /** Active subscriptions whose next attempt is due and whose lease is free, by id. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> due(Instant now, int limit) {
    List<?> ids =
        em.createNativeQuery(
                "select id from webhook_subscription where status = 'ACTIVE'"
                    + " and (next_attempt_at is null or next_attempt_at <= ?1)"
                    + " and (lease_owner is null or lease_until < ?1) order by id")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setMaxResults(limit)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Plan plan(long subscriptionId) {
    WebhookSubscription subscription = em.find(WebhookSubscription.class, subscriptionId);
    if (subscription == null) {
      return null;
    }
    return new Plan(
        subscriptionId,
        subscription.getUrl(),
        subscription.getSecret().reveal(),
        subscription.getEventTypes(),
        subscription.getFeedCursor());
  }

  /** Positioned events after {@code cursor}, oldest first. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Event> eventsAfter(long cursor, int limit) {
    return em.createNamedQuery(Event.AFTER, Event.class)
        .setParameter("after", cursor)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Events up to {@code position} are behind the subscription: delivered, or not wanted. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void passed(long subscriptionId, long position) {
    WebhookSubscription subscription = em.find(WebhookSubscription.class, subscriptionId);
    if (subscription != null) {
      subscription.deliveredUpTo(position);
      em.flush();
    }
  }

  /** The event was delivered: logged, and the cursor moves past it, in one transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void delivered(
      long subscriptionId, Event event, WebhookPoster.Outcome outcome, Instant at) {
    WebhookSubscription subscription = em.find(WebhookSubscription.class, subscriptionId);
    if (subscription == null) {
      return;
    }
    subscription.deliveredUpTo(event.getFeedPosition());
    em.persist(log(subscriptionId, event, outcome, at));
    em.flush();
  }

  /**
   * The delivery failed: logged, the subscription backs off, or is paused.
   *
   * @return the subscription's pause reason when this failure paused it, else null
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String failed(
      long subscriptionId, Event event, WebhookPoster.Outcome outcome, Instant at, int pauseAfter) {
    WebhookSubscription subscription = em.find(WebhookSubscription.class, subscriptionId);
    if (subscription == null) {
      return null;
    }
    boolean paused = subscription.deliveryFailed(at, pauseAfter, outcome.why());
    em.persist(log(subscriptionId, event, outcome, at));
    em.flush();
    return paused ? subscription.getPausedReason() : null;
  }

  private static WebhookDelivery log(
      long subscriptionId, Event event, WebhookPoster.Outcome outcome, Instant at) {
    return new WebhookDelivery(
        subscriptionId,
        event.getId(),
        event.getType().externalName(),
        at,
        outcome.status(),
        outcome.delivered(),
        outcome.delivered() ? null : outcome.why(),
        outcome.millis());
  }
}
