package org.syncpost.lease.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the lease statements of {@link LeasedRows}, each call a transaction of its own. A lease is
 * taken by a conditional update, which succeeds for exactly one claimant; row locks are not used
 * (ADR 0005). Native SQL, so that the condition is exactly what runs on every database. The lease's
 * row version stays: a renewal must not make the holder's own later change of the row fail as a
 * concurrent one.
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: a renewal of
 * several leases is one transaction only so, on a managed executor's threads (ADR 0011, ADR 0012).
 */
@Stateless
public class LeaseLedger {

  @PersistenceContext EntityManager em;

  /** Whether {@code holder} now holds the row's lease, until {@code until}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claim(LeasedRows rows, long id, Object holder, Instant now, Instant until) {
    return claimed(rows.claim(), id, holder, now, until);
  }

  /**
   * Whether {@code holder} now holds the row's lease, until {@code until}, taken while {@code
   * condition} (SQL on the row, a constant of the code; ?4 is now) held. In the caller's
   * transaction: what the caller reads next belongs to the claim, and a claim whose transaction
   * rolls back was never made.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean claimWhileWithin(
      LeasedRows rows, String condition, long id, Object holder, Instant now, Instant until) {
    return claimed(rows.claimWhile(condition), id, holder, now, until);
  }

  /** Whether {@code holder} now holds the row's lease until {@code until}, taken or extended. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claimOrKeep(LeasedRows rows, long id, Object holder, Instant now, Instant until) {
    return claimed(rows.claimOrKeep(), id, holder, now, until);
  }

  /**
   * Extends every held lease (row id → holder) to {@code until}, all in one transaction.
   *
   * @return the rows whose lease was no longer theirs (given back, expired and taken by another, or
   *     no longer in the state {@link LeasedRows#whileHeld()} asks for)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> renew(LeasedRows rows, Map<Long, ?> held, Instant until) {
    List<Long> lost = new ArrayList<>();
    held.forEach(
        (id, holder) -> {
          int renewed =
              em.createNativeQuery(rows.renewal())
                  .setParameter(1, until.atOffset(ZoneOffset.UTC))
                  .setParameter(2, id)
                  .setParameter(3, holder)
                  .executeUpdate();
          if (renewed == 0) {
            lost.add(id);
          }
        });
    return lost;
  }

  /** Gives the row's lease back, if {@code holder} still holds it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(LeasedRows rows, long id, Object holder) {
    released(rows, id, holder);
  }

  /**
   * As {@link #release}, in the caller's transaction: the lease goes back with what the work
   * recorded, in one commit, or not at all.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void releaseWithin(LeasedRows rows, long id, Object holder) {
    released(rows, id, holder);
  }

  private void released(LeasedRows rows, long id, Object holder) {
    em.createNativeQuery(rows.release())
        .setParameter(1, id)
        .setParameter(2, holder)
        .executeUpdate();
  }

  /**
   * Gives back every lease held by {@code holder}.
   *
   * @return how many
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int releaseAllOf(LeasedRows rows, Object holder) {
    return em.createNativeQuery(rows.releaseAll()).setParameter(1, holder).executeUpdate();
  }

  private boolean claimed(String sql, long id, Object holder, Instant now, Instant until) {
    return em.createNativeQuery(sql)
            .setParameter(1, holder)
            .setParameter(2, until.atOffset(ZoneOffset.UTC))
            .setParameter(3, id)
            .setParameter(4, now.atOffset(ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }
}
