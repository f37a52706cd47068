package org.syncpost.idempotency.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.syncpost.idempotency.entity.IdempotentRequest;

/**
 * Forgets keys older than 24 hours, once an hour. Not persistent: on Payara Micro persistent timers
 * live only in the cluster grid (STACK-NOTES), and a missed run only leaves rows a request ignores.
 */
@Stateless
public class IdempotencyKeyPurge {

  private static final System.Logger LOGGER = System.getLogger(IdempotencyKeyPurge.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void purge() {
    int purged =
        em.createNamedQuery(IdempotentRequest.EXPIRED)
            .setParameter("since", clock.instant().minus(IdempotentRequest.KEPT))
            .executeUpdate();
    LOGGER.log(System.Logger.Level.DEBUG, "Forgot {0} idempotency keys older than 24 h", purged);
  }
}
