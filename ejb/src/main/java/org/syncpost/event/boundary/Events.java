package org.syncpost.event.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.syncpost.access.entity.Role;
import org.syncpost.event.control.EventLedger;
import org.syncpost.event.entity.Event;

/**
 * The event feed: what happened, in the order positions were given, after a cursor (a position the
 * reader has seen). For administrators: events name every mailbox.
 */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Events {

  @PersistenceContext EntityManager em;
  @Inject EventLedger ledger;

  /** Up to {@code limit} events after {@code cursor} (0: from the start), oldest first. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Event> after(long cursor, int limit) {
    int positioned;
    do {
      // more may wait than one transaction positions: position them all before reading
      positioned = ledger.position();
    } while (positioned == EventLedger.BATCH);
    return em.createNamedQuery(Event.AFTER, Event.class)
        .setParameter("after", cursor)
        .setMaxResults(limit)
        .getResultList();
  }
}
