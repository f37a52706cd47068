package org.syncpost.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.syncpost.crypto.control.SecretConverter;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.event.entity.EventType;

/**
 * An application's wish to be told of events: POSTed to its URL, signed with its secret, from its
 * own cursor in the event feed, in feed order, at least once.
 */
@Entity
@Table(name = "webhook_subscription")
@NamedQuery(
    name = WebhookSubscription.ALL,
    query = "select s from WebhookSubscription s order by s.id")
public class WebhookSubscription {

  public static final String ALL = "WebhookSubscription.all";

  /** The longest wait between two attempts of a failing subscription. */
  static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_subscription_seq")
  @SequenceGenerator(
      name = "webhook_subscription_seq",
      sequenceName = "webhook_subscription_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 2000)
  private String url;

  @Convert(converter = SecretConverter.class)
  @Column(nullable = false, length = 1000)
  private Secret secret;

  /** External names, comma-separated. */
  @Column(name = "event_types", nullable = false, length = 400)
  private String eventTypes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private SubscriptionStatus status;

  /** The last feed position delivered (or skipped as not wanted). */
  @Column(name = "feed_cursor", nullable = false)
  private long feedCursor;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "paused_reason", length = 1000)
  private String pausedReason;

  @Column(name = "created_on", nullable = false)
  private Instant createdOn;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Version private long version;

  protected WebhookSubscription() {}

  /** A new subscription, told of what happens from {@code feedHead} on. */
  public WebhookSubscription(
      String url,
      Secret secret,
      Set<EventType> types,
      long feedHead,
      String createdBy,
      Instant createdOn) {
    this.url = url;
    this.secret = secret;
    this.eventTypes = joined(types);
    this.status = SubscriptionStatus.ACTIVE;
    this.feedCursor = feedHead;
    this.createdBy = createdBy;
    this.createdOn = createdOn;
  }

  public void change(String newUrl, Secret newSecret, Set<EventType> newTypes) {
    if (newUrl != null) {
      url = newUrl;
    }
    if (newSecret != null) {
      secret = newSecret;
    }
    if (newTypes != null) {
      eventTypes = joined(newTypes);
    }
  }

  public void pause(String reason) {
    status = SubscriptionStatus.PAUSED;
    pausedReason = reason;
  }

  /** Delivered again from where it stopped; the failure count starts over. */
  public void resume() {
    status = SubscriptionStatus.ACTIVE;
    pausedReason = null;
    consecutiveFailures = 0;
    nextAttemptAt = null;
  }

  /** Everything up to {@code position} was delivered (or not wanted). */
  public void deliveredUpTo(long position) {
    if (position > feedCursor) {
      feedCursor = position;
    }
    consecutiveFailures = 0;
    nextAttemptAt = null;
  }

  /**
   * A delivery failed: tried again after a backoff that doubles per failure (5 s, 10 s, … up to an
   * hour), or paused after {@code pauseAfter} failures in a row.
   *
   * @return whether it is paused now
   */
  public boolean deliveryFailed(Instant now, int pauseAfter, String why) {
    consecutiveFailures++;
    if (consecutiveFailures >= pauseAfter) {
      pause(
          "Paused after " + consecutiveFailures + " failed deliveries in a row; the last: " + why);
      return true;
    }
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(consecutiveFailures - 1, 20));
    nextAttemptAt = now.plus(wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait);
    return false;
  }

  public boolean wants(EventType type) {
    return getEventTypes().contains(type);
  }

  public Set<EventType> getEventTypes() {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    Arrays.stream(eventTypes.split(","))
        .map(String::strip)
        .map(EventType::fromExternalName)
        .flatMap(java.util.Optional::stream)
        .forEach(types::add);
    return types;
  }

  private static String joined(Set<EventType> types) {
    return types.stream().map(EventType::externalName).sorted().collect(Collectors.joining(","));
  }

  public Long getId() {
    return id;
  }

  public String getUrl() {
    return url;
  }

  public Secret getSecret() {
    return secret;
  }

  public SubscriptionStatus getStatus() {
    return status;
  }

  public long getFeedCursor() {
    return feedCursor;
  }

  public int getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getPausedReason() {
    return pausedReason;
  }

  public Instant getCreatedOn() {
    return createdOn;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public long getVersion() {
    return version;
  }
}
