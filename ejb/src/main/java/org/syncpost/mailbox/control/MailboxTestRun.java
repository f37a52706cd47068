package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.MailboxTested;
import org.syncpost.mailbox.entity.TestReport;
import org.syncpost.mailbox.entity.TestStatus;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.control.ConnectionTester;
import org.syncpost.mailserver.entity.ConfirmationMessage;
import org.syncpost.mailserver.entity.TestOutcome;

/**
 * Test & enable of one mailbox, as the guide describes it: connect to the incoming and outgoing
 * servers with the mailbox's settings, record each direction's status, enable what passed (when the
 * address is approved), and tell who listens ({@link MailboxTested}: the alerts tell the owners in
 * plain words). Needs no caller, so background jobs can run it.
 */
@ApplicationScoped
public class MailboxTestRun {

  private static final System.Logger LOGGER = System.getLogger(MailboxTestRun.class.getName());

  /** A whole profile's mailboxes may queue behind its connection limit during a bulk test. */
  private static final Duration WAIT_FOR_A_TEST_SLOT = Duration.ofMinutes(10);

  @Inject MailboxTestRecords records;
  @Inject ConnectionLimiter limiter;
  @Inject ConnectionTester tester;
  @Inject Event<MailboxTested> tested;

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
    tested.fire(
        new MailboxTested(
            plan.mailboxId(),
            plan.mailboxName(),
            plan.email(),
            plan.approved(),
            incoming,
            outgoing));
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
}
