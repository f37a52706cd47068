package org.syncpost.outgoing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.monitoring.control.SyncMetrics;
import org.syncpost.monitoring.control.SyncMetrics.Direction;
import org.syncpost.outgoing.entity.Backoff;
import org.syncpost.outgoing.entity.DeliveryOutcome;
import org.syncpost.outgoing.entity.OutgoingMessage;
import org.syncpost.outgoing.entity.SendingPlan;
import org.syncpost.outgoing.entity.SentEmail;
import org.syncpost.outgoing.entity.SentFolderCopy;

/**
 * Sends the due email of one mailbox: batch by batch over one connection each, within the mailbox's
 * connection budget, recording every outcome as it comes and telling the owner what failed. Runs on
 * the managed executor; a mailbox with more email due than one connection sends has several senders
 * at once, up to its budget's connections, each claiming its own batches (ADR 0027).
 */
@ApplicationScoped
public class MailboxSender {

  private static final System.Logger LOGGER = System.getLogger(MailboxSender.class.getName());

  @Inject OutgoingLedger ledger;
  @Inject SmtpSubmitter submitter;
  @Inject ConnectionLimiter limiter;
  @Inject SentFolderCopier sentFolderCopier;
  @Inject OutgoingAlerter alerter;
  @Inject Clock clock;
  @Inject SyncMetrics metrics;
  @Inject SendingLeases leases;

  @Inject
  @ConfigProperty(name = "syncpost.outgoing.batch-size", defaultValue = "25")
  int batchSize;

  private final RandomGenerator random = RandomGenerator.getDefault();
  private final Map<Long, Object> rateLocks = new ConcurrentHashMap<>();
  private final Map<Long, Object> claimLocks = new ConcurrentHashMap<>();

  /**
   * Sends until nothing of the mailbox is due, it is blocked, or its server fails: the mailbox's
   * first sender on this node, which waits for a connection of the budget when none is free.
   *
   * @param moreSenders asked for one more sender of the mailbox (with the budget's maximum
   *     connections) once per full batch, as soon as its server took one of its emails (or when it
   *     ended over a working connection): more may be due
   */
  public void sendDueEmail(long mailboxId, IntConsumer moreSenders) {
    try (SmtpConnection connection = new SmtpConnection(limiter, submitter)) {
      sendDueEmail(mailboxId, connection, false, moreSenders);
    }
  }

  /**
   * As {@link #sendDueEmail(long, IntConsumer)}, for a further sender of a mailbox that is sending
   * already: it takes a connection of the budget only if one is free now, and claims nothing
   * otherwise (the senders running have the mailbox's email in hand).
   */
  public void sendMoreDueEmail(long mailboxId, IntConsumer moreSenders) {
    try (SmtpConnection connection = new SmtpConnection(limiter, submitter)) {
      sendDueEmail(mailboxId, connection, true, moreSenders);
    }
  }

  /** Sends until nothing of the mailbox is due, it is blocked, or its server fails. */
  public void sendDueEmail(long mailboxId) {
    sendDueEmail(mailboxId, max -> {});
  }

  private void sendDueEmail(
      long mailboxId, SmtpConnection connection, boolean joining, IntConsumer moreSenders) {
    boolean signInAlertsResolved = false;
    while (true) {
      Instant now = clock.instant();
      SendingPlan plan = ledger.plan(mailboxId);
      if (plan.blockedBecause() != null) {
        alerter.blocked(plan, now);
        return;
      }
      alerter.unblocked(mailboxId);
      if (plan.postponedAt(now)) {
        return;
      }
      if (plan.unusable() != null) {
        disable(plan, plan.unusable());
        return;
      }
      if (joining && !connection.reserveIfFree(plan.endpoint())) {
        return;
      }
      List<OutgoingMessage> batch = claimWithinRate(plan, now);
      if (batch.isEmpty()) {
        return;
      }
      boolean full = batch.size() >= batchSize;
      MoreSenders more = new MoreSenders(full, moreSenders, plan.endpoint().maxConnections());
      BatchSent sent;
      leases.hold(batch);
      try {
        sent = send(plan, batch, connection, more);
      } finally {
        leases.letGo(batch);
      }
      if (sent.any() && !signInAlertsResolved) {
        // once per sender, not per batch: a look for open alerts is a transaction of its own
        alerter.sentAgain(plan);
        signInAlertsResolved = true;
      }
      if (!sent.connectionWorked() || !full) {
        return;
      }
      // a full batch over a working connection whose server refused every email: more may be due
      more.ask();
    }
  }

  /**
   * Asks once for one more sender of the mailbox while a full batch goes out, as soon as its server
   * took the batch's first email: the server works (a failing one still costs one batch's attempt,
   * ADR 0027), and the next sender connects and claims while this one sends the rest, instead of
   * only after it (with 4 connections, a mailbox then sent over 1, then 2 of them for two batch
   * times; ADR 0031).
   */
  private static final class MoreSenders {

    private final boolean due;
    private final IntConsumer moreSenders;
    private final int maxConnections;
    private boolean asked;

    MoreSenders(boolean fullBatch, IntConsumer moreSenders, int maxConnections) {
      this.due = fullBatch;
      this.moreSenders = moreSenders;
      this.maxConnections = maxConnections;
    }

    void ask() {
      if (due && !asked) {
        asked = true;
        moreSenders.accept(maxConnections);
      }
    }
  }

  /**
   * The next batch, no larger than the profile's rate limit allows now; empty when the last minute
   * is full (the next tick looks again). The profile's mailboxes count and claim one at a time on
   * this node; two nodes claiming at the same moment may together exceed the limit by a batch.
   */
  private List<OutgoingMessage> claimWithinRate(SendingPlan plan, Instant now) {
    // the mailbox's senders on this node claim one after the other: each then finds the batches
    // claimed before it taken, instead of losing most of the same rows to the one claiming beside
    // it
    synchronized (claimLocks.computeIfAbsent(plan.mailboxId(), id -> new Object())) {
      return claimWithinRateNow(plan, now);
    }
  }

  private List<OutgoingMessage> claimWithinRateNow(SendingPlan plan, Instant now) {
    Instant leaseUntil = now.plus(leases.duration());
    int wanted = Math.max(batchSize, 1);
    if (plan.rate() == null) {
      return ledger.claim(plan.mailboxId(), now, leaseUntil, wanted);
    }
    synchronized (rateLocks.computeIfAbsent(plan.profileId(), id -> new Object())) {
      int allowed = Math.min(wanted, ledger.rateAllowance(plan.profileId(), plan.rate(), now));
      if (allowed == 0) {
        LOGGER.log(
            System.Logger.Level.DEBUG,
            "Mailbox {0}: profile {1} sent {2} emails in the last minute; the rest waits",
            plan.mailboxId(),
            plan.profileId(),
            plan.rate().perMinute());
        return List.of();
      }
      return ledger.claim(plan.mailboxId(), now, leaseUntil, allowed);
    }
  }

  /**
   * What sending a batch came to.
   *
   * @param connectionWorked whether the connection worked, so that the next batch may follow
   * @param any whether the server accepted any of the batch's emails
   */
  private record BatchSent(boolean connectionWorked, boolean any) {}

  private BatchSent send(
      SendingPlan plan, List<OutgoingMessage> batch, SmtpConnection connection, MoreSenders more) {
    Map<Long, byte[]> sentCopies = new LinkedHashMap<>();
    List<SentEmail> sent = new ArrayList<>();
    try {
      SmtpSubmitter.Connection smtp = connection.to(plan.endpoint());
      try {
        smtp.submit(
            batch,
            (message, outcome) -> {
              if (outcome.kind() == DeliveryOutcome.Kind.SENT) {
                // counted and logged as the server accepts it; recorded SENT with its batch
                logOutcome(plan, message, outcome);
                sent.add(
                    new SentEmail(message.recordId(), message.attempt(), clock.instant(), outcome));
                more.ask();
              } else {
                record(plan, message, outcome);
              }
            },
            plan.sentFolder() == null
                ? null
                : (message, bytes) -> sentCopies.put(message.recordId(), bytes));
      } finally {
        recordSent(plan, sent);
      }
    } catch (MailServerFailure failure) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Mailbox {0}: sending {1} emails failed before the first one: {2}",
          plan.mailboxId(),
          batch.size(),
          failure.failureCause().code());
      metrics.failed(Direction.OUTGOING, failure.failureCause().code());
      if (failure.failureCause() == FailureCause.CONNECTION_LIMIT_REACHED) {
        batch.forEach(m -> ledger.returnUnsent(m.recordId(), failure.getMessage()));
      } else if (failure.isTransient()) {
        ledger.postponeSending(
            plan.mailboxId(),
            Backoff.nextAttempt(clock.instant(), 1, plan.retryInterval(), random));
        batch.forEach(
            m ->
                record(
                    plan,
                    m,
                    DeliveryOutcome.transientFailure(
                        failure.getMessage() + " (" + failure.technicalDetail() + ")")));
      } else {
        batch.forEach(m -> ledger.returnUnsent(m.recordId(), failure.getMessage()));
        disable(plan, failure);
      }
      return new BatchSent(false, false);
    }
    if (!sentCopies.isEmpty()) {
      copyToSentFolder(plan, sentCopies);
    }
    return new BatchSent(true, !sent.isEmpty());
  }

  /** A failed copy does not undo the sending: the record and a warning say so. */
  private void copyToSentFolder(SendingPlan plan, Map<Long, byte[]> sentCopies) {
    SentFolderCopy target = plan.sentFolder();
    Map<Long, String> failed;
    if (target.server() == null) {
      failed = sentFolderCopier.copy(target, sentCopies);
    } else {
      try (Permit slot = limiter.acquire(target.server(), SmtpConnection.WAIT_FOR_A_CONNECTION)) {
        failed = sentFolderCopier.copy(target, sentCopies);
      } catch (MailServerFailure busy) {
        failed = new LinkedHashMap<>();
        for (Long id : sentCopies.keySet()) {
          failed.put(id, busy.getMessage());
        }
      }
    }
    failed.forEach((recordId, reason) -> ledger.sentCopyFailed(recordId, reason));
    if (!failed.isEmpty()) {
      alerter.notCopied(plan, failed);
    }
  }

  /**
   * The emails a batch sent, recorded in one transaction when the batch ends rather than one by
   * one: a crash before that leaves them {@code SENDING}, to be sent again after their lease — the
   * at-least-once guarantee the records have anyway (ADR 0007).
   */
  private void recordSent(SendingPlan plan, List<SentEmail> sent) {
    if (sent.isEmpty()) {
      return;
    }
    ledger.sent(sent);
    for (SentEmail email : sent) {
      if (email.outcome().refusedRecipients() != null) {
        alerter.recipientsRefused(plan, email);
      }
    }
  }

  private void record(SendingPlan plan, OutgoingMessage message, DeliveryOutcome outcome) {
    Instant now = clock.instant();
    logOutcome(plan, message, outcome);
    switch (outcome.kind()) {
      case SENT ->
          recordSent(
              plan, List.of(new SentEmail(message.recordId(), message.attempt(), now, outcome)));
      case TRANSIENT -> {
        if (plan.mayRetryAfter(message.attempt())) {
          ledger.retryLater(
              message.recordId(),
              outcome.text(),
              Backoff.nextAttempt(now, message.attempt(), plan.retryInterval(), random));
          alerter.delayed(plan, outcome.text());
        } else {
          fail(plan, message, OutgoingAlerter.gaveUpAfter(message.attempt(), outcome.text()), now);
        }
      }
      case PERMANENT -> fail(plan, message, outcome.text(), now);
      case NOT_TRIED -> ledger.returnUnsent(message.recordId(), outcome.text());
    }
  }

  /** One line per email and attempt: the record, the mailbox, what the server said. */
  private void logOutcome(SendingPlan plan, OutgoingMessage message, DeliveryOutcome outcome) {
    switch (outcome.kind()) {
      case SENT -> metrics.emailSent();
      case TRANSIENT -> metrics.failed(Direction.OUTGOING, "smtp-transient");
      case PERMANENT -> metrics.failed(Direction.OUTGOING, "smtp-permanent");
      case NOT_TRIED -> {
        // counted once for its batch, by the connection failure
      }
    }
    LOGGER.log(
        outcome.kind() == DeliveryOutcome.Kind.SENT
            ? System.Logger.Level.INFO
            : System.Logger.Level.WARNING,
        "Email {0} of mailbox {1}, attempt {2}: {3}{4}",
        message.recordId(),
        plan.mailboxId(),
        message.attempt(),
        outcome.kind(),
        outcome.text() == null ? "" : " (" + outcome.text() + ")");
  }

  private void fail(SendingPlan plan, OutgoingMessage message, String reason, Instant now) {
    ledger.fail(message.recordId(), reason, now);
    alerter.failed(plan, message, reason);
  }

  private void disable(SendingPlan plan, MailServerFailure failure) {
    ledger.disableOutgoing(plan.mailboxId(), failure);
    alerter.disabled(plan, failure);
  }
}
