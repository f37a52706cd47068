package org.syncpost.outgoing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.lease.control.HeldLeases;
import org.syncpost.lease.control.LeaseLedger;
import org.syncpost.lease.control.LeasedRows;
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

  @Inject LeaseLedger ledger;

  @Inject
  @ConfigProperty(name = LEASE_SECONDS, defaultValue = "300")
  long leaseSeconds = 300;

  /** The sending lease of a record: held under the attempt its claim counted, while SENDING. */
  static final LeasedRows SENDING =
      new LeasedRows(
          "email_record", "delivery_attempts", "sending_lease_until", "status = 'SENDING'");

  /** The records this node is sending now: record id → the attempt their claim counted. */
  private final HeldLeases held = new HeldLeases(SENDING);

  /** How long a claimed or renewed lease lasts. */
  public Duration duration() {
    return Duration.ofSeconds(Math.max(leaseSeconds, 1));
  }

  /** The claimed records are being sent by this node: their leases are renewed from now on. */
  public void hold(Collection<OutgoingMessage> claimed) {
    claimed.forEach(message -> held.hold(message.recordId(), message.attempt()));
  }

  /** The records' sending ended (whatever its outcome): their leases are no longer renewed. */
  public void letGo(Collection<OutgoingMessage> claimed) {
    claimed.forEach(message -> held.letGo(message.recordId(), message.attempt()));
  }

  /**
   * Extends the lease of every record this node is still sending to {@code until}, in one
   * transaction. A record recorded already (its outcome is committed) or lost to another claim is
   * no longer renewed.
   */
  public void renewHeld(Instant until) {
    held.renew(ledger, until);
  }
}
