package org.syncpost.lease.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the lease statements of {@link LeasedRows}, each call a transaction of its own. A lease is
 * taken by a conditional update, which succeeds for exactly one claimant; row locks do not decide
 * who holds one (ADR 0005), a renewal takes them only to pass by rows others hold ({@link #renew}).
 * Native SQL, so that the condition is exactly what runs on every database. The lease's row version
 * stays: a renewal must not make the holder's own later change of the row fail as a concurrent one.
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: a renewal of
 * several leases is one transaction only so, on a managed executor's threads (ADR 0011, ADR 0012).
 */
@Stateless
public class LeaseLedger {

  /** Ids in one statement's list: far below what either database takes (PostgreSQL 32,767). */
  private static final int ROWS_PER_STATEMENT = 500;

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
   * Extends every held lease (row id → holder) to {@code until}, all in one transaction that never
   * waits for a row: it locks the rows no other transaction holds now, in id order, and renews
   * those by their keys; a row held elsewhere at this moment (a sender recording its batch SENT, a
   * cycle recording its outcome) is passed by and renewed at the next tick, long before its lease
   * ends. Waiting instead made a deadlock on PostgreSQL and H2: the renewal, holding some of a
   * batch's rows and waiting for another, beside the batch's SENT, one multi-row UPDATE that had
   * taken the rest in its own order; the database aborted one of the two, and a SENT aborted so
   * left its batch SENDING, to be sent again once the lease ran out ({@code SendingLeasesIT}, ADR
   * 0031). Lock and change in one statement ({@code UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
   * LOCKED)}) was tried and dropped: H2 ran it in ≈ 150 ms for 200 rows, holding their locks, and a
   * batch's SENT waiting behind it timed out (ADR 0031).
   *
   * @return the rows whose lease was no longer theirs (given back, expired and taken by another, no
   *     longer in the state {@link LeasedRows#whileHeld()} asks for, or gone)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> renew(LeasedRows rows, Map<Long, ?> held, Instant until) {
    List<Long> ids = held.keySet().stream().sorted().toList();
    List<Long> lost = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
      List<Long> some = ids.subList(from, Math.min(from + ROWS_PER_STATEMENT, ids.size()));
      Set<Long> free = idsOf(rows.lockFree(some.size()), some);
      for (Long id : free) {
        int renewed =
            em.createNativeQuery(rows.renewal())
                .setParameter(1, until.atOffset(ZoneOffset.UTC))
                .setParameter(2, id)
                .setParameter(3, held.get(id))
                .executeUpdate();
        if (renewed == 0) {
          lost.add(id);
        }
      }
      if (free.size() < some.size()) {
        // passed by: held elsewhere for a moment (still the holder's), or deleted
        List<Long> passedBy = some.stream().filter(id -> !free.contains(id)).toList();
        Set<Long> existing = idsOf(rows.existing(passedBy.size()), passedBy);
        passedBy.stream().filter(id -> !existing.contains(id)).forEach(lost::add);
      }
    }
    return lost;
  }

  private Set<Long> idsOf(String sql, List<Long> ids) {
    Query query = em.createNativeQuery(sql);
    for (int i = 0; i < ids.size(); i++) {
      query.setParameter(i + 1, ids.get(i));
    }
    Set<Long> found = new HashSet<>();
    for (Object id : query.getResultList()) {
      found.add(((Number) id).longValue());
    }
    return found;
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
