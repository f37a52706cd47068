package org.syncpost.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * A transaction of two writes that then fails, as a CDI bean with {@code @Transactional}: what the
 * ledgers were before ADR 0011. {@link TransactionsIT} compares it with {@link TwoWritesInEjb}.
 */
@ApplicationScoped
public class TwoWritesInCdi {

  @PersistenceContext EntityManager em;

  @Transactional(TxType.REQUIRES_NEW)
  public void renameThenFail(long mailboxId, String name) {
    TwoWritesInEjb.renameThenFail(em, mailboxId, name);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public String nameOf(long mailboxId) {
    return TwoWritesInEjb.nameOf(em, mailboxId);
  }
}
