package org.syncpost.outgoing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.alert.entity.SignInAlerts;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.outgoing.entity.OutgoingMessage;
import org.syncpost.outgoing.entity.SendingPlan;
import org.syncpost.outgoing.entity.SentEmail;

/**
 * Tells a mailbox's owner what sending did not do, in plain words and with what to do next: an
 * email delayed, given up, sent to only some recipients or not copied to the Sent folder, and a
 * mailbox whose sending is blocked or disabled. An alert that cannot be raised never undoes the
 * outcome already recorded on the email.
 */
@ApplicationScoped
public class OutgoingAlerter {

  private static final System.Logger LOGGER = System.getLogger(OutgoingAlerter.class.getName());

  /** A blocked mailbox is reported again (counted on its alert) at most this often. */
  private static final Duration BLOCKED_ALERT_EVERY = Duration.ofMinutes(15);

  @Inject Alerts alerts;

  private final Map<Long, Instant> blockedAlerted = new ConcurrentHashMap<>();

  /** Its emails wait unsent; said again at most every {@link #BLOCKED_ALERT_EVERY}. */
  public void blocked(SendingPlan plan, Instant now) {
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

  /** The mailbox may send again: a new block is reported at once. */
  public void unblocked(long mailboxId) {
    blockedAlerted.remove(mailboxId);
  }

  public void disabled(SendingPlan plan, MailServerFailure failure) {
    alerts.raise(
        AlertNotice.aboutMailbox(
                AlertLevel.ERROR,
                "outgoing-" + failure.failureCause().code(),
                plan.mailboxId(),
                "Outgoing email of the mailbox '"
                    + plan.mailboxName()
                    + "' is disabled, and its emails wait unsent: "
                    + failure.getMessage(),
                failure.adviceToEnableAgain(),
                failure.technicalDetail())
            .alsoToProfileOwner());
  }

  /** The server took an email: its sign-in works, so alerts that it failed are closed. */
  public void sentAgain(SendingPlan plan) {
    alerts.resolve(
        plan.mailboxId(), SignInAlerts.OUTGOING.codes(), "an email was sent through its server");
  }

  public void delayed(SendingPlan plan, String serverSaid) {
    alert(
        plan,
        AlertLevel.WARNING,
        "outgoing-email-delayed",
        "Sending email from the mailbox '"
            + plan.mailboxName()
            + "' failed for now and is tried again later. "
            + serverSaid,
        "Nothing to do if it passes; SyncPost tries again by itself.",
        serverSaid);
  }

  /** The reason an email is given up after {@code attempts} transient failures. */
  static String gaveUpAfter(int attempts, String lastFailure) {
    return "Gave up after "
        + attempts
        + " attempts, the organisation's limit. The last one: "
        + lastFailure;
  }

  public void failed(SendingPlan plan, OutgoingMessage message, String reason) {
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

  public void recipientsRefused(SendingPlan plan, SentEmail email) {
    String refused = email.outcome().refusedRecipients();
    alert(
        plan,
        AlertLevel.WARNING,
        "outgoing-recipients-refused",
        "The email " + email.recordId() + " was sent, but not to every recipient. " + refused,
        "Check the refused addresses; send the email again to them once corrected.",
        refused);
  }

  public void notCopied(SendingPlan plan, Map<Long, String> failed) {
    String reason = failed.values().iterator().next();
    alert(
        plan,
        AlertLevel.WARNING,
        "outgoing-sent-copy-failed",
        failed.size()
            + " email(s) from the mailbox '"
            + plan.mailboxName()
            + "' were sent, but not copied into its folder '"
            + plan.sentFolder().folder()
            + "': "
            + reason,
        "Check the Sent folder's name and the mailbox's IMAP sign-in (test & enable shows"
            + " it); the emails themselves went out and are not sent again.",
        "email records " + failed.keySet());
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
