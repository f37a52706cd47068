package org.syncpost.alert.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.alert.entity.SignInAlerts;
import org.syncpost.mailbox.entity.MailboxTested;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.TestOutcome;

/**
 * Tells the owners how test & enable of their mailbox went, in plain words: one error alert per
 * failure cause, or a warning or information alert. Observes the mailboxes' {@link MailboxTested}
 * (the alerts sit above the mailboxes, ADR 0013); {@link Alerts#raise} keeps its own transactions.
 */
@ApplicationScoped
public class TestAndEnableAlerts {

  @Inject Alerts alerts;

  void tellOwners(@Observes MailboxTested tested) {
    TestOutcome incoming = tested.incoming();
    TestOutcome outgoing = tested.outgoing();
    // one alert per cause: a wrong password fails IMAP and SMTP alike, and is one problem
    Map<FailureCause, List<TestOutcome>> failures = new LinkedHashMap<>();
    for (TestOutcome outcome : new TestOutcome[] {incoming, outgoing}) {
      if (outcome != null && outcome.failed()) {
        failures.computeIfAbsent(outcome.cause(), cause -> new ArrayList<>()).add(outcome);
      }
    }
    resolveWhatPassed(tested.mailboxId(), incoming, outgoing, failures.keySet());
    failures.forEach(
        (cause, outcomes) ->
            alerts.raise(
                AlertNotice.aboutMailbox(
                        AlertLevel.ERROR,
                        cause.code(),
                        tested.mailboxId(),
                        "Test & enable of the mailbox '"
                            + tested.mailboxName()
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
    if (!tested.approved()) {
      alerts.raise(
          AlertNotice.aboutMailbox(
              AlertLevel.WARNING,
              "mailbox-not-approved",
              tested.mailboxId(),
              "The mailbox '"
                  + tested.mailboxName()
                  + "' was tested but not enabled: its email address "
                  + tested.email()
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
              tested.mailboxId(),
              "The mailbox '"
                  + tested.mailboxName()
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
              tested.mailboxId(),
              "The mailbox '"
                  + tested.mailboxName()
                  + "' has nothing to test: neither incoming nor outgoing email is set to"
                  + " server-side synchronization.",
              "Set its incoming and/or outgoing delivery method to server-side synchronization"
                  + " (or apply the default email settings), then test & enable it again.",
              null));
    }
  }

  /**
   * A direction that passed closes its alerts from polling or sending; a test closes the alerts of
   * earlier tests for causes that no longer fail.
   */
  private void resolveWhatPassed(
      long mailboxId, TestOutcome incoming, TestOutcome outgoing, Set<FailureCause> failing) {
    if (incoming != null && !incoming.failed()) {
      alerts.resolve(mailboxId, SignInAlerts.INCOMING.codes(), "the incoming test passed");
    }
    if (outgoing != null && !outgoing.failed()) {
      alerts.resolve(mailboxId, SignInAlerts.OUTGOING.codes(), "the outgoing test passed");
    }
    if (incoming != null || outgoing != null) {
      alerts.resolve(
          mailboxId,
          SignInAlerts.TEST_AND_ENABLE.codesExcept(failing),
          "test & enable no longer fails for this reason");
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
