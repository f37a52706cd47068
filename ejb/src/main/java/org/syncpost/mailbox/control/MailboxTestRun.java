package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.TestReport;
import org.syncpost.mailbox.entity.TestStatus;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.control.ConnectionTester;
import org.syncpost.mailserver.entity.ConfirmationMessage;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.TestOutcome;

/**
 * Test & enable of one mailbox, as the guide describes it: connect to the incoming and outgoing
 * servers with the mailbox's settings, record each direction's status, enable what passed (when the
 * address is approved), and tell the owners in plain words. Needs no caller, so background jobs can
 * run it.
 */
@ApplicationScoped
public class MailboxTestRun {

  private static final System.Logger LOGGER = System.getLogger(MailboxTestRun.class.getName());

  /** A whole profile's mailboxes may queue behind its connection limit during a bulk test. */
  private static final Duration WAIT_FOR_A_TEST_SLOT = Duration.ofMinutes(10);

  @Inject MailboxTestRecords records;
  @Inject ConnectionLimiter limiter;
  @Inject ConnectionTester tester;
  @Inject Alerts alerts;

  public Mailbox testAndEnable(long mailboxId, String requestedBy, boolean sendConfirmation) {
    TestPlan plan = records.plan(mailboxId);
    TestOutcome incoming;
    TestOutcome outgoing;
    try (Permit profileSlot = profileSlot(plan)) {
      incoming = testIncoming(plan);
      outgoing = testOutgoing(plan, sendConfirmation);
    }
    TestReport report = reportOf(incoming, outgoing);
    Mailbox mailbox = records.record(plan, report, requestedBy);
    LOGGER.log(
        System.Logger.Level.INFO,
        "Test & enable of mailbox {0}: incoming {1}, outgoing {2}, approved {3}",
        mailboxId,
        report.incoming(),
        report.outgoing(),
        plan.approved());
    tellOwners(plan, incoming, outgoing);
    return mailbox;
  }

  /**
   * Tests of one profile's mailboxes together stay within the profile's maximum concurrent
   * connections, whoever's credentials they use: testing every mailbox of a profile must not flood
   * its servers. A test holds one connection at a time (incoming, then outgoing).
   */
  private Permit profileSlot(TestPlan plan) {
    String key = ConnectionLimiter.profileBudgetKey(plan.profileId());
    return limiter.acquire(key, plan.profileMaxConnections(), WAIT_FOR_A_TEST_SLOT);
  }

  private TestOutcome testIncoming(TestPlan plan) {
    if (plan.incomingUnusable() != null) {
      return TestOutcome.failed(plan.incomingUnusable());
    }
    return plan.incoming() == null ? null : tester.testIncoming(plan.incoming(), plan.folders());
  }

  private TestOutcome testOutgoing(TestPlan plan, boolean sendConfirmation) {
    if (plan.outgoingUnusable() != null) {
      return TestOutcome.failed(plan.outgoingUnusable());
    }
    Optional<ConfirmationMessage> confirmation =
        sendConfirmation
            ? Optional.of(new ConfirmationMessage(plan.email(), plan.mailboxName()))
            : Optional.empty();
    return plan.outgoing() == null ? null : tester.testOutgoing(plan.outgoing(), confirmation);
  }

  private static TestReport reportOf(TestOutcome incoming, TestOutcome outgoing) {
    TestOutcome firstFailure =
        incoming != null && incoming.failed()
            ? incoming
            : outgoing != null && outgoing.failed() ? outgoing : null;
    return new TestReport(
        statusOf(incoming),
        statusOf(outgoing),
        firstFailure == null ? null : firstFailure.cause().code(),
        firstFailure == null ? null : firstFailure.message());
  }

  private static TestStatus statusOf(TestOutcome outcome) {
    if (outcome == null) {
      return TestStatus.NOT_RUN;
    }
    return outcome.passed() ? TestStatus.SUCCESS : TestStatus.FAILURE;
  }

  private void tellOwners(TestPlan plan, TestOutcome incoming, TestOutcome outgoing) {
    // one alert per cause: a wrong password fails IMAP and SMTP alike, and is one problem
    Map<FailureCause, List<TestOutcome>> failures = new LinkedHashMap<>();
    for (TestOutcome outcome : new TestOutcome[] {incoming, outgoing}) {
      if (outcome != null && outcome.failed()) {
        failures.computeIfAbsent(outcome.cause(), cause -> new ArrayList<>()).add(outcome);
      }
    }
    failures.forEach(
        (cause, outcomes) ->
            alerts.raise(
                AlertNotice.aboutMailbox(
                        AlertLevel.ERROR,
                        cause.code(),
                        plan.mailboxId(),
                        "Test & enable of the mailbox '"
                            + plan.mailboxName()
                            + "' failed: "
                            + outcomes.stream()
                                .map(TestOutcome::message)
                                .collect(Collectors.joining(" ")),
                        cause.advice(),
                        outcomes.stream()
                            .map(TestOutcome::technicalDetail)
                            .collect(Collectors.joining("\n")))
                    .alsoToProfileOwner()));
    boolean anyFailed = !failures.isEmpty();
    if (!plan.approved()) {
      alerts.raise(
          AlertNotice.aboutMailbox(
              AlertLevel.WARNING,
              "mailbox-not-approved",
              plan.mailboxId(),
              "The mailbox '"
                  + plan.mailboxName()
                  + "' was tested but not enabled: its email address "
                  + plan.email()
                  + " is not approved, and the organisation processes email only for approved"
                  + " mailboxes.",
              "Ask an approver to approve the email address of this mailbox, then test & enable"
                  + " it again.",
              null));
    } else if (!anyFailed && (incoming != null || outgoing != null)) {
      alerts.raise(
          AlertNotice.aboutMailbox(
              AlertLevel.INFORMATION,
              "mailbox-enabled",
              plan.mailboxId(),
              "The mailbox '"
                  + plan.mailboxName()
                  + "' is connected and enabled: "
                  + passedDirections(incoming, outgoing)
                  + ".",
              null,
              null));
    } else if (incoming == null && outgoing == null) {
      alerts.raise(
          AlertNotice.aboutMailbox(
              AlertLevel.WARNING,
              "mailbox-not-processed",
              plan.mailboxId(),
              "The mailbox '"
                  + plan.mailboxName()
                  + "' has nothing to test: neither incoming nor outgoing email is set to"
                  + " server-side synchronization.",
              "Set its incoming and/or outgoing delivery method to SERVER_SIDE_SYNC (or apply the"
                  + " default email settings), then test & enable it again.",
              null));
    }
  }

  private static String passedDirections(TestOutcome incoming, TestOutcome outgoing) {
    StringBuilder passed = new StringBuilder();
    if (incoming != null) {
      passed.append("incoming email from ").append(incoming.endpoint());
    }
    if (outgoing != null) {
      passed
          .append(passed.length() > 0 ? " and " : "")
          .append("outgoing email through ")
          .append(outgoing.endpoint());
    }
    return passed.toString();
  }
}
