package org.syncpost.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something that happened, written in the transaction that made it happen (ADR 0020). Its id is
 * stable (receivers de-duplicate by it); its feed position is given after commit.
 */
@Entity
@Table(name = "event")
@NamedQuery(
    name = Event.UNPOSITIONED,
    query = "select e from Event e where e.feedPosition is null order by e.id")
@NamedQuery(
    name = Event.AFTER,
    query =
        "select e from Event e where e.feedPosition > :after and e.feedPosition is not null"
            + " order by e.feedPosition")
public class Event {

  public static final String UNPOSITIONED = "Event.unpositioned";
  public static final String AFTER = "Event.after";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
  @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private EventType type;

  @Column(name = "occurred_on", nullable = false)
  private Instant occurredOn;

  /** A JSON object: the ids and states a receiver needs, never message contents or secrets. */
  @Column(nullable = false)
  private String data;

  @Column(name = "feed_position")
  private Long feedPosition;

  protected Event() {}

  public Event(EventType type, Instant occurredOn, String data) {
    this.type = type;
    this.occurredOn = occurredOn;
    this.data = data;
  }

  /** Its place in the feed, given once, after its transaction committed. */
  public void placeAt(long position) {
    if (feedPosition != null) {
      throw new IllegalStateException("event " + id + " already has position " + feedPosition);
    }
    feedPosition = position;
  }

  public Long getId() {
    return id;
  }

  public EventType getType() {
    return type;
  }

  public Instant getOccurredOn() {
    return occurredOn;
  }

  public String getData() {
    return data;
  }

  public Long getFeedPosition() {
    return feedPosition;
  }
}
