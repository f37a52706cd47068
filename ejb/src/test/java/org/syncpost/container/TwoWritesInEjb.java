package org.syncpost.container;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.syncpost.job.entity.Job;

/**
 * A transaction of two writes that then fails, as a stateless EJB: what the ledgers are after ADR
 * 0011. {@link TransactionsIT} compares it with {@link TwoWritesInCdi}.
 */
@Stateless
public class TwoWritesInEjb {

  @PersistenceContext EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void renameThenFail(long mailboxId, String name) {
    renameThenFail(em, mailboxId, name);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String nameOf(long mailboxId) {
    return nameOf(em, mailboxId);
  }

  /**
   * A job's and its items' changes, left to EclipseLink to write when the transaction commits (no
   * flush before it returns), as the ledgers did before ADR 0012.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void stopJobUnflushed(long jobId) {
    em.find(Job.class, jobId).stop("stopped by a test", Instant.parse("2026-12-06T00:00:00Z"));
  }

  /** Two statements, each executed at once, then a failure that should undo both. */
  static void renameThenFail(EntityManager em, long mailboxId, String name) {
    em.createNativeQuery("UPDATE mailbox SET name = ? WHERE id = ?")
        .setParameter(1, name)
        .setParameter(2, mailboxId)
        .executeUpdate();
    em.createNativeQuery("UPDATE mailbox SET modified_on = ? WHERE id = ?")
        .setParameter(1, OffsetDateTime.now())
        .setParameter(2, mailboxId)
        .executeUpdate();
    throw new IllegalStateException("the transaction fails after its two writes");
  }

  static String nameOf(EntityManager em, long mailboxId) {
    return (String)
        em.createNativeQuery("SELECT name FROM mailbox WHERE id = ?")
            .setParameter(1, mailboxId)
            .getSingleResult();
  }
}
