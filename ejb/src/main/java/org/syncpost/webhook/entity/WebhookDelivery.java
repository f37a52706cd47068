package org.syncpost.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt to deliver one event to one subscription: the subscription's delivery log. */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(
    name = WebhookDelivery.OF_SUBSCRIPTION,
    query =
        "select d from WebhookDelivery d where d.subscriptionId = :subscriptionId order by d.id"
            + " desc")
public class WebhookDelivery {

  public static final String OF_SUBSCRIPTION = "WebhookDelivery.ofSubscription";

  static final int MAX_ERROR = 1_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
  @SequenceGenerator(
      name = "webhook_delivery_seq",
      sequenceName = "webhook_delivery_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "subscription_id", nullable = false)
  private long subscriptionId;

  @Column(name = "event_id", nullable = false)
  private long eventId;

  @Column(name = "event_type", nullable = false, length = 40)
  private String eventType;

  @Column(name = "attempted_on", nullable = false)
  private Instant attemptedOn;

  @Column(name = "status_code")
  private Integer statusCode;

  @Column(nullable = false)
  private boolean delivered;

  @Column(length = MAX_ERROR)
  private String error;

  @Column(name = "duration_ms", nullable = false)
  private long durationMillis;

  protected WebhookDelivery() {}

  public WebhookDelivery(
      long subscriptionId,
      long eventId,
      String eventType,
      Instant attemptedOn,
      Integer statusCode,
      boolean delivered,
      String error,
      long durationMillis) {
    this.subscriptionId = subscriptionId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.attemptedOn = attemptedOn;
    this.statusCode = statusCode;
    this.delivered = delivered;
    this.error =
        error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    this.durationMillis = durationMillis;
  }

  public Long getId() {
    return id;
  }

  public long getSubscriptionId() {
    return subscriptionId;
  }

  public long getEventId() {
    return eventId;
  }

  public String getEventType() {
    return eventType;
  }

  public Instant getAttemptedOn() {
    return attemptedOn;
  }

  public Integer getStatusCode() {
    return statusCode;
  }

  public boolean isDelivered() {
    return delivered;
  }

  public String getError() {
    return error;
  }

  public long getDurationMillis() {
    return durationMillis;
  }
}
