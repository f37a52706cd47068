package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.syncpost.mailbox.entity.Mailbox;

/**
 * Whether anything that must outlive a user or queue belongs to its mailbox: email records sent
 * from or received by it, or quarantined messages of it.
 */
@ApplicationScoped
public class MailboxReferences {

  @PersistenceContext EntityManager em;

  public boolean isReferenced(Mailbox mailbox) {
    return exists("select e.id from EmailRecord e where e.senderMailbox = :mailbox", mailbox)
        || exists(
            "select e.id from EmailRecord e join e.receivingMailboxes r where r = :mailbox",
            mailbox)
        || !em.createQuery(
                "select q.id from QuarantinedMessage q where q.mailboxId = :id", Long.class)
            .setParameter("id", mailbox.getId())
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
  }

  private boolean exists(String query, Mailbox mailbox) {
    return !em.createQuery(query, Long.class)
        .setParameter("mailbox", mailbox)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
