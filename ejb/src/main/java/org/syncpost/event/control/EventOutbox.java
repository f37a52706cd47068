package org.syncpost.event.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.syncpost.event.entity.Event;
import org.syncpost.event.entity.EventType;

/**
 * Writes an event into the caller's transaction (the one that changed the state it announces), so
 * that it commits or rolls back with that change (ADR 0020). It must be called inside a
 * transaction; it flushes, so that the row is written inside it (ADR 0012).
 */
@ApplicationScoped
public class EventOutbox {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  public void record(EventType type, JsonObject data) {
    em.persist(new Event(type, clock.instant(), data.toString()));
    em.flush();
  }

  /**
   * As {@link #record}, for a ledger method that flushes before it returns (ADR 0012): the event is
   * written with the method's other rows, in its JDBC batches. Ingestion used to flush once per
   * message here, which made a batch of 100 messages 100 small flushes, each comparing every entity
   * the batch had made so far (issue 19).
   */
  public void recordForLedger(EventType type, JsonObject data) {
    em.persist(new Event(type, clock.instant(), data.toString()));
  }

  /** Several events of one kind, flushed once: written as one JDBC batch, not one by one. */
  public void recordAll(EventType type, List<JsonObject> data) {
    if (data.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    data.forEach(d -> em.persist(new Event(type, now, d.toString())));
    em.flush();
  }
}
