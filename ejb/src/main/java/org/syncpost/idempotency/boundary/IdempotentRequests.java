package org.syncpost.idempotency.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.syncpost.access.entity.Role;
import org.syncpost.idempotency.entity.Answer;
import org.syncpost.idempotency.entity.IdempotentRequest;
import org.syncpost.idempotency.entity.KeyTaken;

/**
 * Requests a caller marked with a key, answered once. The key's row is inserted before the work, in
 * the work's transaction: a racing request with the same key meets the unique constraint (on
 * PostgreSQL it waits for the first transaction to end) and creates nothing. Those who may create
 * (administrators, mailbox owners) may mark requests; what the work may do is decided by the facade
 * it calls.
 */
@Stateless
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.MAILBOX_OWNER_NAME})
public class IdempotentRequests {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Resource SessionContext session;

  /**
   * The answer the caller got for this key within the last 24 hours, if any.
   *
   * @throws org.syncpost.idempotency.entity.IdempotencyKeyReused when that request was a different
   *     one
   */
  public Optional<Answer> previous(
      String operation, String key, String fingerprint, String keyField) {
    return em.createNamedQuery(IdempotentRequest.LIVE, IdempotentRequest.class)
        .setParameter("caller", caller())
        .setParameter("operation", operation)
        .setParameter("key", key)
        .setParameter("since", since())
        .getResultStream()
        .findFirst()
        .map(request -> request.answerFor(fingerprint, keyField));
  }

  /**
   * Runs {@code work} (which joins this transaction) once for the key, keeping its answer.
   *
   * @throws KeyTaken when another request holds the key; nothing was done
   */
  public Answer answerOnce(
      String operation, String key, String fingerprint, Supplier<Answer> work) {
    String caller = caller();
    em.createNamedQuery(IdempotentRequest.EXPIRED_KEY)
        .setParameter("caller", caller)
        .setParameter("operation", operation)
        .setParameter("key", key)
        .setParameter("since", since())
        .executeUpdate();
    IdempotentRequest request =
        new IdempotentRequest(caller, operation, key, fingerprint, clock.instant());
    try {
      em.persist(request);
      em.flush();
    } catch (PersistenceException taken) {
      throw new KeyTaken(taken);
    }
    Answer answer = work.get();
    request.answered(answer);
    // written now, inside the transaction: what EclipseLink writes at commit ran outside it (ADR
    // 0012)
    em.flush();
    return answer;
  }

  private Instant since() {
    return clock.instant().minus(IdempotentRequest.KEPT);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
