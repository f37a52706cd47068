package org.syncpost.event.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.syncpost.event.entity.Event;

/**
 * Gives committed events their place in the feed, one node at a time, in a transaction of its own:
 * an event committed after a reader passed position n gets a position above n, so no reader misses
 * it (ADR 0020).
 */
@Stateless
public class EventLedger {

  /** The most events positioned in one transaction. */
  public static final int BATCH = 1_000;

  @PersistenceContext EntityManager em;

  /**
   * @return how many events got a position
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int position() {
    // an UPDATE locks the head's row until this transaction ends, on H2 and PostgreSQL alike: a
    // second node's sequencer waits here (a SELECT … FOR UPDATE did not hold everywhere, ADR 0007)
    em.createNativeQuery("update event_feed_head set feed_position = feed_position where id = 1")
        .executeUpdate();
    long head =
        ((Number)
                em.createNativeQuery("select feed_position from event_feed_head where id = 1")
                    .getSingleResult())
            .longValue();
    List<Event> waiting =
        em.createNamedQuery(Event.UNPOSITIONED, Event.class).setMaxResults(BATCH).getResultList();
    if (waiting.isEmpty()) {
      return 0;
    }
    for (Event event : waiting) {
      event.placeAt(++head);
    }
    // written now, inside the transaction (ADR 0012); the positions' unique constraint is the
    // backstop should two sequencers ever overlap
    em.flush();
    em.createNativeQuery("update event_feed_head set feed_position = ?1 where id = 1")
        .setParameter(1, head)
        .executeUpdate();
    return waiting.size();
  }
}
