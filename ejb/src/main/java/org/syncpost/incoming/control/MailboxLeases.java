package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One node at a time works on a mailbox: it claims the mailbox's lease by a conditional update,
 * which succeeds for exactly one claimant when the lease is free or expired, and gives it back when
 * done. A dead node's leases expire and another node takes over. Row locks are not used (see
 * docs/adr/0005); native SQL, so that the condition is exactly what runs on every database.
 */
@ApplicationScoped
public class MailboxLeases {

  @PersistenceContext EntityManager em;

  /** Whether {@code node} now holds the mailbox's lease, until {@code until}. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claim(long mailboxId, String node, Instant now, Instant until) {
    return em.createNativeQuery(
                "update mailbox set lease_owner = ?1, lease_until = ?2 where id = ?3"
                    + " and (lease_owner is null or lease_until < ?4)")
            .setParameter(1, node)
            .setParameter(2, until.atOffset(ZoneOffset.UTC))
            .setParameter(3, mailboxId)
            .setParameter(4, now.atOffset(ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }

  /**
   * Extends every lease {@code node} holds to {@code until}: a long cycle keeps its mailbox while
   * the node lives, and a dead node's leases run out one lease period after its last renewal.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int renewAll(String node, Instant until) {
    return em.createNativeQuery("update mailbox set lease_until = ?1 where lease_owner = ?2")
        .setParameter(1, until.atOffset(ZoneOffset.UTC))
        .setParameter(2, node)
        .executeUpdate();
  }

  /** Gives the lease back, if {@code node} still holds it. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(long mailboxId, String node) {
    em.createNativeQuery(
            "update mailbox set lease_owner = null, lease_until = null where id = ?1"
                + " and lease_owner = ?2")
        .setParameter(1, mailboxId)
        .setParameter(2, node)
        .executeUpdate();
  }

  /**
   * Mailboxes whose incoming poll is due and whose lease is free, longest waiting first. Approval
   * is checked by the cycle itself, which raises an alert for an unapproved one.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Long> due(Instant now, int limit) {
    List<?> ids =
        em.createNativeQuery(
                "select id from mailbox where active = true and enabled_for_incoming = true"
                    + " and incoming_delivery_method = 'SERVER_SIDE_SYNC'"
                    + " and (next_incoming_poll_at is null or next_incoming_poll_at <= ?1)"
                    + " and (lease_owner is null or lease_until < ?1)"
                    + " order by next_incoming_poll_at nulls first, id")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setMaxResults(limit)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }
}
