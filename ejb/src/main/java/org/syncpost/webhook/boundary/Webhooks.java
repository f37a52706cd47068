package org.syncpost.webhook.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Actor;
import org.syncpost.audit.control.Auditor;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.event.entity.EventType;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;
import org.syncpost.webhook.entity.SubscriptionStatus;
import org.syncpost.webhook.entity.WebhookDelivery;
import org.syncpost.webhook.entity.WebhookSubscription;

/**
 * Webhook subscriptions: which events are POSTed where, signed with which secret; their delivery
 * logs. Administrators only: events name every mailbox.
 */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Webhooks {

  static final String AUDIT_TYPE = "webhook";
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET_BYTES = 512;
  static final int MAX_URL = 2_000;

  @PersistenceContext EntityManager em;
  @Inject Auditor auditor;
  @Inject Actor actor;
  @Inject Clock clock;

  /** A subscription told of what happens from now on (not of earlier events). */
  public WebhookSubscription create(String url, String secret, List<String> events) {
    List<Violation> violations = new ArrayList<>();
    checkUrl(url, violations);
    checkSecret(secret, violations);
    Set<EventType> types = types(events, violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    WebhookSubscription subscription =
        new WebhookSubscription(
            url.strip(), Secret.of(secret), types, feedHead(), actor.name(), clock.instant());
    em.persist(subscription);
    em.flush();
    auditor.record(
        "created", AUDIT_TYPE, subscription.getId(), "webhook to " + hostOf(subscription));
    em.flush();
    return subscription;
  }

  public List<WebhookSubscription> list() {
    return em.createNamedQuery(WebhookSubscription.ALL, WebhookSubscription.class).getResultList();
  }

  public WebhookSubscription find(long id) {
    WebhookSubscription subscription = em.find(WebhookSubscription.class, id);
    if (subscription == null) {
      throw new NotFound("webhook subscription", id);
    }
    return subscription;
  }

  /**
   * Changes what is given (null: unchanged). {@code ACTIVE} resumes a paused subscription from its
   * first undelivered event, {@code PAUSED} stops deliveries.
   */
  public WebhookSubscription update(
      long id, String url, String secret, List<String> events, SubscriptionStatus status) {
    WebhookSubscription subscription = find(id);
    List<Violation> violations = new ArrayList<>();
    if (url != null) {
      checkUrl(url, violations);
    }
    if (secret != null) {
      checkSecret(secret, violations);
    }
    Set<EventType> types = events == null ? null : types(events, violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    subscription.change(
        url == null ? null : url.strip(), secret == null ? null : Secret.of(secret), types);
    if (status == SubscriptionStatus.ACTIVE
        && subscription.getStatus() == SubscriptionStatus.PAUSED) {
      subscription.resume();
    } else if (status == SubscriptionStatus.PAUSED
        && subscription.getStatus() == SubscriptionStatus.ACTIVE) {
      subscription.pause("Paused by " + actor.name());
    }
    auditor.record("changed", AUDIT_TYPE, id, "webhook to " + hostOf(subscription));
    em.flush();
    return subscription;
  }

  public void delete(long id) {
    WebhookSubscription subscription = find(id);
    auditor.record("deleted", AUDIT_TYPE, id, "webhook to " + hostOf(subscription));
    em.remove(subscription);
    em.flush();
  }

  /** The subscription's delivery log, newest first. */
  public List<WebhookDelivery> deliveries(long id, int offset, int limit) {
    find(id);
    return em.createNamedQuery(WebhookDelivery.OF_SUBSCRIPTION, WebhookDelivery.class)
        .setParameter("subscriptionId", id)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  private long feedHead() {
    Object head =
        em.createNativeQuery("select feed_position from event_feed_head where id = 1")
            .getSingleResult();
    return ((Number) head).longValue();
  }

  private static String hostOf(WebhookSubscription subscription) {
    try {
      return new URI(subscription.getUrl()).getHost();
    } catch (URISyntaxException unreadable) {
      return "?";
    }
  }

  private static void checkUrl(String url, List<Violation> violations) {
    String problem = "must be an absolute http or https URL of at most " + MAX_URL + " characters";
    if (url == null || url.isBlank() || url.length() > MAX_URL) {
      violations.add(new Violation("url", problem));
      return;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        violations.add(new Violation("url", problem));
      } else if (uri.getUserInfo() != null) {
        violations.add(
            new Violation("url", "must not hold a user name or password; the secret signs"));
      }
    } catch (URISyntaxException bad) {
      violations.add(new Violation("url", problem));
    }
  }

  private static void checkSecret(String secret, List<Violation> violations) {
    if (secret == null
        || secret.length() < MIN_SECRET
        || secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
      violations.add(
          new Violation(
              "secret",
              "is required: at least "
                  + MIN_SECRET
                  + " characters (at most "
                  + MAX_SECRET_BYTES
                  + " bytes), e.g. 32 random bytes in hex; it signs every delivery"));
    }
  }

  private static Set<EventType> types(List<String> events, List<Violation> violations) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    if (events == null || events.isEmpty()) {
      violations.add(new Violation("events", "must name at least one event type: " + known()));
      return types;
    }
    for (int i = 0; i < events.size(); i++) {
      String name = events.get(i);
      String field = "events[" + i + "]";
      EventType.fromExternalName(name == null ? "" : name.strip())
          .ifPresentOrElse(
              types::add,
              () ->
                  violations.add(new Violation(field, "'" + name + "' is not one of " + known())));
    }
    return types;
  }

  private static List<String> known() {
    return java.util.Arrays.stream(EventType.values()).map(EventType::externalName).toList();
  }
}
