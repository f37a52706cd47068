package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import org.syncpost.audit.control.Actor;
import org.syncpost.mailbox.entity.IncomingHealth;
import org.syncpost.mailbox.entity.Mailbox;

/**
 * The outcome of a succeeded cycle as one {@code UPDATE} of the mailbox's row, for {@link
 * IncomingRecords}: every poll of every mailbox records one, nearly always a quiet poll that found
 * nothing, and loading the whole mailbox to let EclipseLink work out at commit which columns
 * changed was most of EclipseLink's share of ScaleBenchmark's flight recording (issue 19). It runs
 * in the caller's transaction; the rule it writes is the entity's ({@link
 * Mailbox#incomingSyncStarted} then {@link Mailbox#incomingSyncSucceeded}), pinned together by
 * {@code IncomingIT}.
 */
@ApplicationScoped
public class IncomingStatements {

  /**
   * ?1 the cycle's start, ?2 now, ?3 recorded, ?4 quarantined, ?5 the next poll, ?6 who (the change
   * stamp every update of the entity gets), ?7 the mailbox. The optimistic lock's version goes up,
   * as at every update of the entity: a transaction that read the mailbox before this outcome and
   * writes it after fails as it would have, instead of overwriting the outcome.
   */
  private static final String SUCCEEDED =
      "update mailbox set last_sync_started_on = ?1, last_sync_succeeded_on = ?2,"
          + " items_processed_last_cycle = ?3, items_failed_last_cycle = ?4,"
          + " transient_failures = 0,"
          // IncomingHealth.succeeded: woken by push while the cycle ran (its next poll moved to
          // after the cycle's start), the mailbox stays due
          + " next_incoming_poll_at = case when next_incoming_poll_at > ?1"
          + " and next_incoming_poll_at <= ?2 then next_incoming_poll_at else ?5 end,"
          // LastError.none()
          + " last_error_code = null, last_error_text = null, consecutive_errors = 0,"
          + " version = version + 1, modified_on = ?2, modified_by = ?6"
          + " where id = ?7";

  @PersistenceContext EntityManager em;
  @Inject Actor actor;

  /**
   * Records that the cycle of {@code plan} (which has begun: its start is set) took {@code taken}
   * and ended {@code at}, polled next at {@code nextPoll} (see {@link IncomingHealth#succeeded}).
   *
   * @return whether the mailbox still exists
   */
  boolean succeeded(CyclePlan plan, BatchResult taken, Instant at, Instant nextPoll) {
    return em.createNativeQuery(SUCCEEDED)
            .setParameter(1, plan.startedAt().atOffset(ZoneOffset.UTC))
            .setParameter(2, at.atOffset(ZoneOffset.UTC))
            .setParameter(3, taken.recorded())
            .setParameter(4, taken.quarantined())
            .setParameter(5, nextPoll.atOffset(ZoneOffset.UTC))
            .setParameter(6, actor.name())
            .setParameter(7, plan.mailboxId())
            .executeUpdate()
        == 1;
  }
}
