package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.alert.entity.SignInAlerts;
import org.syncpost.mailbox.control.MailboxTestRecords;
import org.syncpost.mailbox.control.TestPlan;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.control.ConnectionTester;
import org.syncpost.mailserver.entity.TestOutcome;

/**
 * A mailbox whose incoming email the error policy disabled (a refused password, a server away for
 * longer than the retries) is tested again on a slow schedule with the incoming part of test &amp;
 * enable, and enabled again by itself once its server accepts it, with an information alert. A
 * mailbox an administrator disabled, or tested and saw fail, is left to the administrator.
 */
@ApplicationScoped
public class DisabledMailboxRetests {

  private static final System.Logger LOGGER =
      System.getLogger(DisabledMailboxRetests.class.getName());

  private static final Duration WAIT_FOR_A_CONNECTION = Duration.ofMinutes(2);

  @Inject MailboxTestRecords testRecords;
  @Inject IncomingRecords records;
  @Inject ConnectionTester tester;
  @Inject ConnectionLimiter limiter;
  @Inject Alerts alerts;

  /** Tests the mailbox's incoming server now; the caller holds the mailbox's lease. */
  public void retest(long mailboxId) {
    TestPlan plan = testRecords.plan(mailboxId);
    TestOutcome outcome;
    if (plan.incomingUnusable() != null) {
      outcome = TestOutcome.failed(plan.incomingUnusable());
    } else if (plan.incoming() == null) {
      return;
    } else {
      try (Permit slot =
          limiter.acquire(
              ConnectionLimiter.profileBudgetKey(plan.profileId()),
              plan.profileMaxConnections(),
              WAIT_FOR_A_CONNECTION)) {
        outcome = tester.testIncoming(plan.incoming(), plan.folders());
      }
    }
    if (outcome.failed()) {
      records.retestFailed(mailboxId, outcome.cause().code(), outcome.message());
      LOGGER.log(
          System.Logger.Level.INFO,
          "Mailbox {0}: incoming server tested again, still failing ({1})",
          mailboxId,
          outcome.cause().code());
      return;
    }
    if (records.retestPassed(mailboxId)) {
      LOGGER.log(
          System.Logger.Level.INFO,
          "Mailbox {0}: incoming server accepts the mailbox again, incoming enabled",
          mailboxId);
      alerts.resolve(
          mailboxId,
          SignInAlerts.INCOMING.codes(),
          "the incoming server accepts the mailbox again");
      alerts.raise(
          AlertNotice.aboutMailbox(
              AlertLevel.INFORMATION,
              "incoming-reenabled",
              mailboxId,
              "Incoming email of the mailbox '"
                  + plan.mailboxName()
                  + "' is synchronised again: SyncPost tested its server again, and the server"
                  + " now accepts it. Incoming email had been disabled after errors.",
              "Nothing to do. Email that arrived meanwhile is taken now.",
              null));
    }
  }
}
