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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.lease.control.HeldLeases;
import org.syncpost.lease.control.LeaseLedger;
import org.syncpost.lease.control.LeasedRows;
import org.syncpost.time.control.ColumnInstants;

/**
 * One node at a time works on a mailbox: it claims the mailbox's lease by a conditional update,
 * which succeeds for exactly one claimant when the lease is free or expired, and gives it back when
 * done. While a cycle runs, its node renews the lease ({@link #renewHeld}), so a lease can be
 * short: a dead (killed, crashed) node's leases expire within {@code
 * syncpost.incoming.lease-seconds} and another node, or the same one restarted, takes over. The
 * statements are {@link LeaseLedger}'s, shared with the other leases.
 */
@ApplicationScoped
public class MailboxLeases {

  public static final String LEASE_SECONDS = "syncpost.incoming.lease-seconds";

  /** The cycle lease of a mailbox (the IDLE lease of push is another, {@link PushRecords}). */
  public static final LeasedRows CYCLE =
      new LeasedRows("mailbox", "lease_owner", "lease_until", null);

  @PersistenceContext EntityManager em;
  @Inject LeaseLedger ledger;

  @Inject
  @ConfigProperty(name = LEASE_SECONDS, defaultValue = "120")
  int leaseSeconds = 120;

  /** The leases this node holds now, by mailbox, with the name each was claimed under. */
  private final HeldLeases held = new HeldLeases(CYCLE);

  /** How long a claimed or renewed lease lasts. */
  public Duration duration() {
    return Duration.ofSeconds(Math.max(leaseSeconds, 5));
  }

  /** Whether {@code node} now holds the mailbox's lease, until {@code until}. */
  public boolean claim(long mailboxId, String node, Instant now, Instant until) {
    return heldIf(ledger.claim(CYCLE, mailboxId, node, now, until), mailboxId, node);
  }

  /**
   * As {@link #claim}, only while the mailbox's poll is still due: a mailbox the scheduler read as
   * due a moment ago ({@link DueMailboxes}) may have been polled since by another node or "sync
   * now", and is then not polled again before its time. In the caller's transaction, which goes on
   * to read the cycle's plan ({@link IncomingRecords#claimDue}); once it committed, the caller says
   * so with {@link #holding}, and this node renews the lease from then on.
   */
  public boolean claimDueWithin(long mailboxId, String node, Instant now, Instant until) {
    return ledger.claimWhileWithin(CYCLE, STILL_DUE, mailboxId, node, now, until);
  }

  /** A claim made in the caller's transaction ({@link #claimDueWithin}) committed. */
  public void holding(long mailboxId, String node) {
    held.hold(mailboxId, node);
  }

  private boolean heldIf(boolean claimed, long mailboxId, String node) {
    if (claimed) {
      held.hold(mailboxId, node);
    }
    return claimed;
  }

  /** The poll is due (?4: now); the condition of {@link #upcoming} up to now. */
  private static final String STILL_DUE =
      "next_incoming_poll_at is null or next_incoming_poll_at <= ?4";

  /**
   * Extends every lease this node holds to {@code until}, in one transaction; one it lost meanwhile
   * (expired and taken by another node) stays lost.
   */
  public void renewHeld(Instant until) {
    held.renew(ledger, until);
  }

  /**
   * Gives back every lease held under {@code node}: on start-up, those of this node's previous run,
   * which nothing works on any more.
   */
  public int releaseAllOf(String node) {
    return ledger.releaseAllOf(CYCLE, node);
  }

  /** Gives the lease back, if {@code node} still holds it. */
  public void release(long mailboxId, String node) {
    held.letGo(mailboxId, node);
    ledger.release(CYCLE, mailboxId, node);
  }

  /**
   * Gives the lease back unless this node gave it back already ({@link #gaveBack}) or lost it (a
   * renewal found it taken): what a scheduled cycle that recorded no outcome leaves to its caller.
   */
  public void releaseIfHeld(long mailboxId, String node) {
    if (held.letGo(mailboxId, node)) {
      ledger.release(CYCLE, mailboxId, node);
    }
  }

  /**
   * Gives the lease back in the caller's transaction, the one that records the cycle's outcome: a
   * quiet poll commits once for both. Once that transaction committed, the caller says so with
   * {@link #gaveBack}; if it rolled back, the lease is still held and renewed, and released by
   * {@link #releaseIfHeld}.
   */
  public void releaseWithOutcome(long mailboxId, String node) {
    ledger.releaseWithin(CYCLE, mailboxId, node);
  }

  /** The outcome's transaction gave the lease back ({@link #releaseWithOutcome}) and committed. */
  public void gaveBack(long mailboxId, String node) {
    held.letGo(mailboxId, node);
  }

  /**
   * Mailboxes whose incoming poll is due and whose lease is free, longest waiting first. Approval
   * is checked by the cycle itself, which raises an alert for an unapproved one.
   */
  // one SELECT (upcoming's, called on the bean itself, where no interceptor sees it) is the whole
  // transaction
  @Transactional(TxType.REQUIRES_NEW)
  public List<Long> due(Instant now, int limit) {
    return upcoming(now, now, limit).stream()
        .filter(mailbox -> mailbox.isDueBy(now))
        .map(Upcoming::mailboxId)
        .toList();
  }

  /** A mailbox whose poll falls due at {@code dueAt} ({@code null}: never polled, due at once). */
  public record Upcoming(long mailboxId, Instant dueAt) {
    public boolean isDueBy(Instant now) {
      return dueAt == null || !dueAt.isAfter(now);
    }
  }

  /**
   * Like {@link #due}, and also those that fall due by {@code horizon}, in the order they fall due:
   * the scheduler starts the due ones and knows when to look again, so that a mailbox is polled
   * when its time comes, not at the next tick.
   */
  @Transactional(TxType.REQUIRES_NEW) // one SELECT is the whole transaction
  public List<Upcoming> upcoming(Instant now, Instant horizon, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "select id, next_incoming_poll_at from mailbox where active = true"
                    + " and enabled_for_incoming = true"
                    + " and incoming_delivery_method = 'SERVER_SIDE_SYNC'"
                    + " and (next_incoming_poll_at is null or next_incoming_poll_at <= ?2)"
                    + " and (lease_owner is null or lease_until < ?1)"
                    + " order by next_incoming_poll_at nulls first, id")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, horizon.atOffset(ZoneOffset.UTC))
            .setMaxResults(limit)
            .getResultList();
    return rows.stream().map(row -> (Object[]) row).map(MailboxLeases::upcomingOf).toList();
  }

  private static Upcoming upcomingOf(Object[] row) {
    return new Upcoming(((Number) row[0]).longValue(), ColumnInstants.of(row[1]));
  }
}
