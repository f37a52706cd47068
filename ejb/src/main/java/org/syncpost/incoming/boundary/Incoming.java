package org.syncpost.incoming.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.syncpost.access.entity.Role;
import org.syncpost.incoming.control.IncomingCycle;
import org.syncpost.incoming.control.MailboxLeases;
import org.syncpost.incoming.control.NodeIdentity;
import org.syncpost.incoming.entity.SyncOutcome;
import org.syncpost.incoming.entity.SyncStatus;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.validation.entity.NotFound;

/**
 * Incoming synchronization on request: "sync now" runs a cycle of one mailbox at once, under the
 * same lease as the scheduler's, and answers with its outcome. No transaction spans the cycle.
 */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Incoming {

  /** A running cycle is capped, so waiting for it is worth more than answering "busy". */
  private static final Duration WAIT_FOR_THE_LEASE = Duration.ofSeconds(60);

  @PersistenceContext EntityManager em;
  @Inject MailboxLeases leases;
  @Inject IncomingCycle cycle;
  @Inject NodeIdentity node;
  @Inject Clock clock;

  public SyncOutcome syncNow(long mailboxId) {
    if (em.find(Mailbox.class, mailboxId) == null) {
      throw new NotFound("mailbox", mailboxId);
    }
    String holder = node.name() + "-now";
    Instant giveUp = clock.instant().plus(WAIT_FOR_THE_LEASE);
    while (!leases.claim(
        mailboxId, holder, clock.instant(), clock.instant().plus(leases.duration()))) {
      if (clock.instant().isAfter(giveUp)) {
        return SyncOutcome.skipped(
            mailboxId,
            SyncStatus.BUSY,
            "incoming-busy",
            "another synchronization of this mailbox is running; try again later");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return SyncOutcome.skipped(mailboxId, SyncStatus.BUSY, "incoming-busy", "interrupted");
      }
    }
    try {
      return cycle.run(mailboxId);
    } finally {
      leases.release(mailboxId, holder);
    }
  }
}
