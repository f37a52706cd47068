package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One node at a time works on a mailbox: it claims the mailbox's lease by a conditional update,
 * which succeeds for exactly one claimant when the lease is free or expired, and gives it back when
 * done. While a cycle runs, its node renews the lease ({@link #renewHeld}), so a lease can be
 * short: a dead (killed, crashed) node's leases expire within {@code
 * syncpost.incoming.lease-seconds} and another node, or the same one restarted, takes over. Row
 * locks are not used (see docs/adr/0005); native SQL, so that the condition is exactly what runs on
 * every database.
 */
@ApplicationScoped
public class MailboxLeases {

  public static final String LEASE_SECONDS = "syncpost.incoming.lease-seconds";

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = LEASE_SECONDS, defaultValue = "120")
  int leaseSeconds = 120;

  /** The leases this node holds now, by mailbox, with the name each was claimed under. */
  private final Map<Long, String> held = new ConcurrentHashMap<>();

  /** How long a claimed or renewed lease lasts. */
  public Duration duration() {
    return Duration.ofSeconds(Math.max(leaseSeconds, 5));
  }

  /** Whether {@code node} now holds the mailbox's lease, until {@code until}. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claim(long mailboxId, String node, Instant now, Instant until) {
    boolean claimed =
        em.createNativeQuery(
                    "update mailbox set lease_owner = ?1, lease_until = ?2 where id = ?3"
                        + " and (lease_owner is null or lease_until < ?4)")
                .setParameter(1, node)
                .setParameter(2, until.atOffset(ZoneOffset.UTC))
                .setParameter(3, mailboxId)
                .setParameter(4, now.atOffset(ZoneOffset.UTC))
                .executeUpdate()
            == 1;
    if (claimed) {
      held.put(mailboxId, node);
    }
    return claimed;
  }

  /**
   * Extends every lease this node holds to {@code until}; one it lost meanwhile (expired and taken
   * by another node) stays lost.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void renewHeld(Instant until) {
    held.forEach(
        (mailboxId, node) ->
            em.createNativeQuery(
                    "update mailbox set lease_until = ?1 where id = ?2 and lease_owner = ?3")
                .setParameter(1, until.atOffset(ZoneOffset.UTC))
                .setParameter(2, mailboxId)
                .setParameter(3, node)
                .executeUpdate());
  }

  /**
   * Gives back every lease held under {@code node}: on start-up, those of this node's previous run,
   * which nothing works on any more.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int releaseAllOf(String node) {
    return em.createNativeQuery(
            "update mailbox set lease_owner = null, lease_until = null where lease_owner = ?1")
        .setParameter(1, node)
        .executeUpdate();
  }

  /** Gives the lease back, if {@code node} still holds it. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(long mailboxId, String node) {
    held.remove(mailboxId, node);
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
