package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.alert.entity.SignInAlerts;
import org.syncpost.incoming.control.FolderSynchronizer.FolderResult;
import org.syncpost.incoming.control.IncomingRecords.Verdict;
import org.syncpost.incoming.control.KeptConnections.Held;
import org.syncpost.incoming.entity.SyncOutcome;
import org.syncpost.incoming.entity.SyncStatus;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.control.FailureTranslator;
import org.syncpost.mailserver.control.MailSessions;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.monitoring.control.SyncMetrics;

/**
 * One synchronization cycle of one mailbox, whose lease the caller holds: read the plan, connect
 * within the connection limit, take each folder, record the outcome and apply the error policy
 * (SPEC §2 Errors). Raises the alerts itself, so it needs no caller.
 */
@ApplicationScoped
public class IncomingCycle {

  private static final System.Logger LOGGER = System.getLogger(IncomingCycle.class.getName());

  public static final String MAX_MESSAGES_PER_CYCLE = "syncpost.incoming.max-messages-per-cycle";

  /** A cycle waits this long for a connection slot of its profile or mailbox. */
  private static final Duration WAIT_FOR_A_CONNECTION = Duration.ofMinutes(2);

  @Inject IncomingRecords records;
  @Inject FolderSynchronizer folders;
  @Inject Pop3Synchronizer pop3;
  @Inject MailSessions sessions;
  @Inject ConnectionLimiter limiter;
  @Inject Alerts alerts;
  @Inject SyncMetrics metrics;

  @Inject
  @ConfigProperty(name = MAX_MESSAGES_PER_CYCLE, defaultValue = "500")
  int maxMessagesPerCycle = 500;

  /**
   * A capped import (a first sync of a large mailbox) goes on over the same connection — no new
   * sign-in, no new look at every waiting message — while no other mailbox is due, for at most this
   * long: a "sync now" of the mailbox waits up to a minute for its lease.
   */
  static final Duration KEEP_GOING_FOR = Duration.ofSeconds(30);

  @Inject MailboxLeases leases;
  @Inject Clock clock;
  @Inject KeptConnections kept;
  @Inject FailureTranslator translator;

  /** One cycle of at most the cap ("sync now"); the caller gives the lease back. */
  public SyncOutcome run(long mailboxId) {
    return run(records.begin(mailboxId), false, null);
  }

  /**
   * Claims the mailbox's lease for a scheduled cycle while its poll is still due, and reads the
   * cycle's plan with the claim (one transaction, {@link IncomingRecords#claimDue}).
   *
   * @return the plan to {@link #runScheduled}, or {@code null} when another node or "sync now" was
   *     quicker
   */
  public CyclePlan claimDue(long mailboxId, String node, Instant now, Instant until) {
    CyclePlan plan = records.claimDue(mailboxId, node, now, until);
    if (plan != null) {
      leases.holding(mailboxId, node); // committed: renewed by the scheduler's ticks from now on
    }
    return plan;
  }

  /**
   * A scheduled cycle planned by {@link #claimDue}: when it stops at its cap and no other mailbox
   * is due, it takes the next share on the same connection (for up to {@link #KEEP_GOING_FOR}),
   * each share recorded as a cycle of its own. The last share's outcome, succeeded or failed, gives
   * the lease of {@code leaseHolder} back in its own transaction; a cycle that records no outcome
   * (not enabled, not approved, an unexpected error) leaves the lease to its caller ({@link
   * MailboxLeases#releaseIfHeld}).
   */
  public SyncOutcome runScheduled(CyclePlan plan, String leaseHolder) {
    return run(plan, true, leaseHolder);
  }

  private SyncOutcome run(CyclePlan planned, boolean keepGoing, String leaseHolder) {
    CyclePlan plan = planned;
    long mailboxId = plan.mailboxId();
    if (plan.refusal() != null) {
      metrics.cycleFinished(plan.refusal().name(), 0, 0);
      LOGGER.log(
          System.Logger.Level.INFO,
          "Incoming cycle of mailbox {0}: {1}",
          mailboxId,
          plan.refusal());
    }
    if (plan.refusal() == SyncStatus.NOT_APPROVED) {
      kept.close(mailboxId);
      notApproved(plan);
      return SyncOutcome.skipped(
          mailboxId,
          SyncStatus.NOT_APPROVED,
          "mailbox-not-approved",
          "the mailbox's email address is not approved");
    }
    if (plan.refusal() != null) {
      kept.close(mailboxId);
      return SyncOutcome.skipped(
          mailboxId, plan.refusal(), null, "the mailbox is not enabled for incoming email");
    }
    try {
      if (plan.unusable() != null) {
        kept.close(mailboxId);
        throw plan.unusable();
      }
      BatchResult total = BatchResult.NONE;
      Share share;
      Instant stopBy = clock.instant().plus(KEEP_GOING_FOR);
      Held held = connect(plan, keepGoing);
      boolean keep = false;
      try {
        while (true) {
          share = share(held, plan);
          total = total.plus(share.taken());
          if (!keepGoing
              || !share.moreWaiting()
              || !clock.instant().isBefore(stopBy)
              || !leases.due(clock.instant(), 1).isEmpty()) {
            break;
          }
          succeeded(plan, share, null);
          CyclePlan next = records.begin(mailboxId);
          if (!next.goesOnFrom(plan)) {
            return outcome(mailboxId, total, share);
          }
          plan = next;
        }
        keep = true;
      } finally {
        if (keep) {
          kept.keep(plan, held);
        } else {
          held.close();
        }
      }
      succeeded(plan, share, leaseHolder);
      return outcome(mailboxId, total, share);
    } catch (MailServerFailure failure) {
      return failed(plan, failure, leaseHolder);
    }
  }

  /**
   * For a scheduled cycle the mailbox's connection kept since its last cycle (ADR 0026), otherwise
   * a new one within its budgets: the profile's, then the account's. "Sync now" always signs in
   * anew, so that an administrator sees at once whether the server still accepts the credentials.
   */
  private Held connect(CyclePlan plan, boolean scheduled) {
    if (scheduled) {
      Held reused = kept.take(plan);
      if (reused != null) {
        return reused;
      }
    } else {
      kept.close(plan.mailboxId());
    }
    Permit profileSlot = profileSlot(plan);
    Permit permit = null;
    try {
      permit = limiter.acquire(plan.endpoint(), WAIT_FOR_A_CONNECTION);
      return new Held(
          sessions.connectStore(plan.endpoint()), profileSlot, permit, false, clock.instant());
    } catch (RuntimeException failed) {
      if (permit != null) {
        permit.close();
      }
      profileSlot.close();
      throw failed;
    }
  }

  /**
   * The folders worth a full look ({@link FolderStatus#worthALook}). A kept connection that the
   * server closed meanwhile (its idle timeout, a restart) is signed in again at once, without a
   * failure or an alert: only a new connection's failure is one.
   */
  private Set<String> worthALook(Held held, CyclePlan plan) {
    try {
      Set<String> look = FolderStatus.worthALook(held.store, plan, held.reused);
      held.reused = false;
      return look;
    } catch (MessagingException | IllegalStateException gone) {
      // IllegalStateException: the store knew already that it is not connected
      if (!held.reused) {
        throw translator.translate(gone, plan.endpoint());
      }
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "The kept connection of mailbox {0} was gone ({1}): signing in again",
          plan.mailboxId(),
          gone.getClass().getSimpleName());
      KeptConnections.closeQuietly(held.store);
      held.store = null;
      held.reused = false;
      held.store = sessions.connectStore(plan.endpoint());
      held.signedInAt = clock.instant();
      try {
        return FolderStatus.worthALook(held.store, plan, false);
      } catch (MessagingException failed) {
        throw translator.translate(failed, plan.endpoint());
      }
    }
  }

  /** What one share (at most the cap) of a cycle took, and whether more is waiting. */
  private record Share(BatchResult taken, boolean moreWaiting) {}

  private Share share(Held held, CyclePlan plan) {
    BatchResult taken = BatchResult.NONE;
    boolean moreWaiting = false;
    int budget = maxMessagesPerCycle;
    if (!plan.isImap()) {
      FolderResult result =
          pop3.synchronize(held.store, plan.endpoint(), plan.mailboxId(), plan.rules(), budget);
      return new Share(result.taken(), result.capped());
    }
    Set<String> look = worthALook(held, plan);
    Store store = held.store;
    for (String folder : plan.folders()) {
      if (!look.contains(folder)) {
        continue;
      }
      if (budget <= 0) {
        moreWaiting = true;
        break;
      }
      FolderResult result =
          folders.synchronize(
              store,
              plan.endpoint(),
              plan.mailboxId(),
              folder,
              plan.cursorOf(folder),
              plan.rules(),
              budget);
      taken = taken.plus(result.taken());
      budget -= result.taken().total();
      moreWaiting |= result.capped();
    }
    return new Share(taken, moreWaiting);
  }

  private void succeeded(CyclePlan plan, Share share, String leaseHolder) {
    BatchResult taken = share.taken();
    records.succeeded(plan, taken, share.moreWaiting(), leaseHolder);
    gaveBack(plan, leaseHolder);
    if (plan.errorShown()) {
      alerts.resolve(
          plan.mailboxId(), SignInAlerts.INCOMING.codes(), "an incoming cycle signed in again");
    }
    metrics.cycleFinished(SyncStatus.SUCCEEDED.name(), taken.recorded(), taken.quarantined());
    // a cycle that found nothing is the usual case, every poll of every mailbox: the metrics
    // count it; the log keeps what changed something (issue 14: one INFO line per sync call)
    boolean changed = taken.recorded() > 0 || taken.quarantined() > 0;
    LOGGER.log(
        changed ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
        "Incoming cycle of mailbox {0}: SUCCEEDED, {1} recorded, {2} quarantined{3}",
        plan.mailboxId(),
        taken.recorded(),
        taken.quarantined(),
        share.moreWaiting() ? ", more waiting" : "");
  }

  /** The outcome's transaction, committed, gave the lease back: no longer renewed. */
  private void gaveBack(CyclePlan plan, String leaseHolder) {
    if (leaseHolder != null) {
      leases.gaveBack(plan.mailboxId(), leaseHolder);
    }
  }

  private static SyncOutcome outcome(long mailboxId, BatchResult total, Share last) {
    return new SyncOutcome(
        mailboxId,
        SyncStatus.SUCCEEDED,
        total.recorded(),
        total.quarantined(),
        last.moreWaiting(),
        null,
        null);
  }

  /**
   * On one node, the profile's incoming work — polling cycles and test &amp; enable alike — stays
   * within the profile's maximum concurrent connections, also when each mailbox signs in with its
   * own credentials (whose own budget is the endpoint's): an administrator reads that maximum as
   * what the server sees from SyncPost. The key is the one {@code MailboxTestRun} waits on.
   */
  private Permit profileSlot(CyclePlan plan) {
    String key = ConnectionLimiter.profileBudgetKey(plan.profileId());
    return limiter.acquire(key, plan.profileMaxConnections(), WAIT_FOR_A_CONNECTION);
  }

  private SyncOutcome failed(CyclePlan plan, MailServerFailure failure, String leaseHolder) {
    Verdict verdict = records.failed(plan, failure, leaseHolder);
    gaveBack(plan, leaseHolder);
    String code = "incoming-" + failure.failureCause().code();
    metrics.cycleFinished(verdict.status().name(), 0, 0);
    metrics.failed(SyncMetrics.Direction.INCOMING, failure.failureCause().code());
    LOGGER.log(
        System.Logger.Level.WARNING,
        "Incoming cycle of mailbox {0}: {1}, failed ({2})",
        plan.mailboxId(),
        verdict.status(),
        failure.failureCause().code());
    if (verdict.status() == SyncStatus.RETRYING) {
      alerts.raise(
          AlertNotice.aboutMailbox(
              AlertLevel.WARNING,
              code,
              plan.mailboxId(),
              "Incoming email of the mailbox '"
                  + plan.mailboxName()
                  + "' could not be synchronised: "
                  + failure.getMessage()
                  + " SyncPost tries again (attempt "
                  + verdict.attempt()
                  + " of "
                  + plan.retryCount()
                  + ").",
              failure.advice(),
              failure.technicalDetail()));
    } else {
      alerts.raise(
          AlertNotice.aboutMailbox(
                  AlertLevel.ERROR,
                  code,
                  plan.mailboxId(),
                  "Incoming email of the mailbox '"
                      + plan.mailboxName()
                      + "' is no longer synchronised: "
                      + failure.getMessage()
                      + (failure.isTransient()
                          ? " It kept failing after " + plan.retryCount() + " retries."
                          : "")
                      + " Incoming email is disabled for this mailbox.",
                  failure.adviceToEnableAgain(),
                  failure.technicalDetail())
              .alsoToProfileOwner());
    }
    return new SyncOutcome(
        plan.mailboxId(), verdict.status(), 0, 0, false, code, failure.getMessage());
  }

  private void notApproved(CyclePlan plan) {
    records.postpone(plan.mailboxId(), 60);
    alerts.raise(
        AlertNotice.aboutMailbox(
            AlertLevel.WARNING,
            "mailbox-not-approved",
            plan.mailboxId(),
            "Incoming email of the mailbox '"
                + plan.mailboxName()
                + "' is not synchronised: its email address is not approved, and the organisation"
                + " processes email only for approved mailboxes.",
            "Ask an approver to approve the email address of this mailbox.",
            null));
  }
}
