package org.syncpost.outgoing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.outgoing.entity.OutgoingMessage;

/**
 * The leases of the email records this node is sending. A claimed record stays {@code SENDING}
 * until its lease ends; while this node still sends it, every outgoing tick extends the lease
 * ({@link #renewHeld}), so a slow batch (a stalled server, a long connection timeout) is never put
 * back to pending and sent by a second node. Only the records of a node that stopped renewing (it
 * died) expire and go again (ADR 0007).
 *
 * <p>A record is held under the attempt number its claim counted: a renewal changes the row only
 * while it is still {@code SENDING} under that attempt, so a record that expired and was claimed
 * again (by any node) is not extended for the new claimant by the old one.
 */
@ApplicationScoped
public class SendingLeases {

  public static final String LEASE_SECONDS = "syncpost.outgoing.lease-seconds";

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = LEASE_SECONDS, defaultValue = "300")
  long leaseSeconds = 300;

  /** The records this node is sending now: record id → the attempt their claim counted. */
  private final Map<Long, Integer> held = new ConcurrentHashMap<>();

  /** How long a claimed or renewed lease lasts. */
  public Duration duration() {
    return Duration.ofSeconds(Math.max(leaseSeconds, 1));
  }

  /** The claimed records are being sent by this node: their leases are renewed from now on. */
  public void hold(Collection<OutgoingMessage> claimed) {
    claimed.forEach(message -> held.put(message.recordId(), message.attempt()));
  }

  /** The records' sending ended (whatever its outcome): their leases are no longer renewed. */
  public void letGo(Collection<OutgoingMessage> claimed) {
    claimed.forEach(message -> held.remove(message.recordId(), message.attempt()));
  }

  /**
   * Extends the lease of every record this node is still sending to {@code until}. The row's
   * version stays: the renewal must not make the batch's own outcome (recorded through the entity)
   * fail as a concurrent change.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void renewHeld(Instant until) {
    held.forEach(
        (recordId, attempt) -> {
          int renewed =
              em.createNativeQuery(
                      "UPDATE email_record SET sending_lease_until = ? WHERE id = ?"
                          + " AND status = 'SENDING' AND delivery_attempts = ?")
                  .setParameter(1, until.atOffset(ZoneOffset.UTC))
                  .setParameter(2, recordId)
                  .setParameter(3, attempt)
                  .executeUpdate();
          if (renewed == 0) {
            // recorded already (its outcome is committed) or lost to another claim: nothing to
            // renew
            held.remove(recordId, attempt);
          }
        });
  }
}
