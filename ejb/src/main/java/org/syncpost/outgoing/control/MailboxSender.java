package org.syncpost.outgoing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.entity.Endpoint;
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
 * the managed executor, one mailbox per task.
 */
@ApplicationScoped
public class MailboxSender {

  private static final System.Logger LOGGER = System.getLogger(MailboxSender.class.getName());

  /** A blocked mailbox is reported again (counted on its alert) at most this often. */
  private static final Duration BLOCKED_ALERT_EVERY = Duration.ofMinutes(15);

  private static final Duration WAIT_FOR_A_CONNECTION = Duration.ofSeconds(30);

  @Inject OutgoingLedger ledger;
  @Inject SmtpSubmitter submitter;
  @Inject ConnectionLimiter limiter;
  @Inject SentFolderCopier sentFolderCopier;
  @Inject Alerts alerts;
  @Inject Clock clock;
  @Inject SyncMetrics metrics;
  @Inject SendingLeases leases;

  @Inject
  @ConfigProperty(name = "syncpost.outgoing.batch-size", defaultValue = "25")
  int batchSize;

  private final RandomGenerator random = RandomGenerator.getDefault();
  private final Map<Long, Instant> blockedAlerted = new ConcurrentHashMap<>();
  private final Map<Long, Object> rateLocks = new ConcurrentHashMap<>();

  /** Sends until nothing of the mailbox is due, it is blocked, or its server fails. */
  public void sendDueEmail(long mailboxId) {
    try (OpenConnection connection = new OpenConnection()) {
      sendDueEmail(mailboxId, connection);
    }
  }

  private void sendDueEmail(long mailboxId, OpenConnection connection) {
    while (true) {
      Instant now = clock.instant();
      SendingPlan plan = ledger.plan(mailboxId);
      if (plan.blockedBecause() != null) {
        reportBlocked(plan, now);
        return;
      }
      blockedAlerted.remove(mailboxId);
      if (plan.postponedAt(now)) {
        return;
      }
      if (plan.unusable() != null) {
        disable(plan, plan.unusable());
        return;
      }
      List<OutgoingMessage> batch = claimWithinRate(plan, now);
      if (batch.isEmpty()) {
        return;
      }
      boolean connectionWorked;
      leases.hold(batch);
      try {
        connectionWorked = send(plan, batch, connection);
      } finally {
        leases.letGo(batch);
      }
      if (!connectionWorked || batch.size() < batchSize) {
        return;
      }
    }
  }

  /**
   * The next batch, no larger than the profile's rate limit allows now; empty when the last minute
   * is full (the next tick looks again). The profile's mailboxes count and claim one at a time on
   * this node; two nodes claiming at the same moment may together exceed the limit by a batch.
   */
  private List<OutgoingMessage> claimWithinRate(SendingPlan plan, Instant now) {
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
   * @return whether the connection worked, so that the next batch may follow
   */
  private boolean send(SendingPlan plan, List<OutgoingMessage> batch, OpenConnection connection) {
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
      return false;
    }
    if (!sentCopies.isEmpty()) {
      copyToSentFolder(plan, sentCopies);
    }
    return true;
  }

  /**
   * The SMTP connection of one mailbox's sending, kept from batch to batch while the server keeps
   * it open, and the connection budget's permit it holds.
   */
  private final class OpenConnection implements AutoCloseable {

    private Permit permit;
    private SmtpSubmitter.Connection smtp;

    /**
     * @throws MailServerFailure when no connection was free or the server could not be reached
     */
    SmtpSubmitter.Connection to(Endpoint endpoint) {
      if (smtp != null && smtp.isOpen()) {
        return smtp;
      }
      closeSmtp();
      if (permit == null) {
        permit = limiter.acquire(endpoint, WAIT_FOR_A_CONNECTION);
      }
      smtp = submitter.connect(endpoint);
      return smtp;
    }

    private void closeSmtp() {
      if (smtp != null) {
        smtp.close();
        smtp = null;
      }
    }

    @Override
    public void close() {
      try {
        closeSmtp();
      } finally {
        if (permit != null) {
          permit.close();
        }
      }
    }
  }

  /** A failed copy does not undo the sending: the record and a warning say so. */
  private void copyToSentFolder(SendingPlan plan, Map<Long, byte[]> sentCopies) {
    SentFolderCopy target = plan.sentFolder();
    Map<Long, String> failed;
    if (target.server() == null) {
      failed = sentFolderCopier.copy(target, sentCopies);
    } else {
      try (Permit slot = limiter.acquire(target.server(), WAIT_FOR_A_CONNECTION)) {
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
      String reason = failed.values().iterator().next();
      alert(
          plan,
          AlertLevel.WARNING,
          "outgoing-sent-copy-failed",
          failed.size()
              + " email(s) from the mailbox '"
              + plan.mailboxName()
              + "' were sent, but not copied into its folder '"
              + target.folder()
              + "': "
              + reason,
          "Check the Sent folder's name and the mailbox's IMAP sign-in (test & enable shows"
              + " it); the emails themselves went out and are not sent again.",
          "email records " + failed.keySet());
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
      String refused = email.outcome().refusedRecipients();
      if (refused != null) {
        alert(
            plan,
            AlertLevel.WARNING,
            "outgoing-recipients-refused",
            "The email " + email.recordId() + " was sent, but not to every recipient. " + refused,
            "Check the refused addresses; send the email again to them once corrected.",
            refused);
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
          alert(
              plan,
              AlertLevel.WARNING,
              "outgoing-email-delayed",
              "Sending email from the mailbox '"
                  + plan.mailboxName()
                  + "' failed for now and is tried again later. "
                  + outcome.text(),
              "Nothing to do if it passes; SyncPost tries again by itself.",
              outcome.text());
        } else {
          fail(
              plan,
              message,
              "Gave up after "
                  + message.attempt()
                  + " attempts, the organisation's limit. The last one: "
                  + outcome.text(),
              now);
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
    alert(
        plan,
        AlertLevel.ERROR,
        "outgoing-email-failed",
        "The email "
            + message.recordId()
            + " from the mailbox '"
            + plan.mailboxName()
            + "' could not be sent and will not be tried again. "
            + reason,
        "Check the recipients' addresses and the server's reply, then send a corrected email.",
        reason);
  }

  private void disable(SendingPlan plan, MailServerFailure failure) {
    ledger.disableOutgoing(plan.mailboxId(), failure);
    alerts.raise(
        AlertNotice.aboutMailbox(
                AlertLevel.ERROR,
                "outgoing-" + failure.failureCause().code(),
                plan.mailboxId(),
                "Outgoing email of the mailbox '"
                    + plan.mailboxName()
                    + "' is disabled, and its emails wait unsent: "
                    + failure.getMessage(),
                failure.advice() + " Then test & enable the mailbox again.",
                failure.technicalDetail())
            .alsoToProfileOwner());
  }

  private void reportBlocked(SendingPlan plan, Instant now) {
    Instant last = blockedAlerted.get(plan.mailboxId());
    if (last != null && last.plus(BLOCKED_ALERT_EVERY).isAfter(now)) {
      return;
    }
    blockedAlerted.put(plan.mailboxId(), now);
    alert(
        plan,
        AlertLevel.WARNING,
        "outgoing-mailbox-blocked",
        "Emails of the mailbox '"
            + plan.mailboxName()
            + "' wait unsent because "
            + plan.blockedBecause()
            + ".",
        "Ask an approver to approve the mailbox's email address if needed, set its outgoing"
            + " email to server-side synchronization, and test & enable it.",
        null);
  }

  private void alert(
      SendingPlan plan, AlertLevel level, String code, String text, String advice, String details) {
    try {
      alerts.raise(AlertNotice.aboutMailbox(level, code, plan.mailboxId(), text, advice, details));
    } catch (RuntimeException e) {
      // the outcome is recorded on the email; an alert that cannot be raised must not undo it
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Mailbox " + plan.mailboxId() + ": alert " + code + " could not be raised",
          e);
    }
  }
}
