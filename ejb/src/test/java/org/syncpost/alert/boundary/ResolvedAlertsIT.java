package org.syncpost.alert.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertFilter;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.audit.boundary.AuditTrail;
import org.syncpost.container.AsAdministrator;
import org.syncpost.container.MailServerMailboxes;
import org.syncpost.container.MailServerMailboxes.Servers;
import org.syncpost.container.MailboxFixtures;
import org.syncpost.incoming.boundary.Incoming;
import org.syncpost.incoming.entity.SyncStatus;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.outgoing.control.MailboxSender;
import org.syncpost.profile.entity.ServerType;

/**
 * Alerts that tell the truth (issue 18): when the sign-in an alert reported failing succeeds again
 * — a polling cycle, or test &amp; enable — SyncPost closes the alert as resolved, audits it, and
 * the open count (what the dashboard shows) drops; alerts of the other direction stay.
 */
@ExtendWith(ArquillianExtension.class)
@Timeout(120)
class ResolvedAlertsIT {

  private static final String PASSWORD = "greenmail-password";

  @Inject AsAdministrator admin;
  @Inject MailServerMailboxes mailboxes;
  @Inject MailboxFixtures fixtures;
  @Inject MailboxSender sender;
  @Inject Incoming incoming;
  @Inject MailboxTests tests;
  @Inject Alerts alerts;
  @Inject AuditTrail audit;

  private GreenMail greenMail;
  private GreenMailUser user;

  @BeforeEach
  void startMailServer() {
    greenMail =
        new GreenMail(
            ServerSetup.dynamicPort(
                new ServerSetup[] {
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                }));
    greenMail.start();
    String login = "box-" + UUID.randomUUID().toString().substring(0, 8);
    user = greenMail.setUser(login + "@example.org", login, PASSWORD);
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  private long workingMailbox() throws Exception {
    Servers servers =
        new Servers(
            ServerType.IMAP_SMTP, greenMail.getImap().getPort(), greenMail.getSmtp().getPort());
    return admin.call(() -> mailboxes.userMailbox(servers, user.getLogin(), PASSWORD, "INBOX"));
  }

  private static AlertNotice failed(long mailboxId, String code) {
    return AlertNotice.aboutMailbox(
        AlertLevel.ERROR, code, mailboxId, "It failed: " + code, "Fix it.", null);
  }

  private List<String> openCodes(long mailboxId, AlertLevel level) throws Exception {
    return admin.call(
        () ->
            alerts.list(new AlertFilter(mailboxId, null, level, false, false), 0, 100).stream()
                .map(Alert::getCode)
                .sorted()
                .toList());
  }

  private long openErrors(long mailboxId) throws Exception {
    return admin.call(
        () -> alerts.count(new AlertFilter(mailboxId, null, AlertLevel.ERROR, false, false)));
  }

  private Alert alert(long id) throws Exception {
    return admin.call(() -> alerts.find(id));
  }

  private List<String> auditOf(long alertId) throws Exception {
    return admin.call(
        () ->
            audit.entries("alert", alertId, 0, 10).stream()
                .map(e -> e.getAction() + ": " + e.getSummary())
                .toList());
  }

  @Test
  void aSuccessfulIncomingCycleResolvesTheIncomingSignInAlertsAndLeavesTheOutgoingOnes()
      throws Exception {
    long mailboxId = workingMailbox();
    Alert signIn = alerts.raise(failed(mailboxId, "incoming-authentication-failed"));
    alerts.raise(failed(mailboxId, "incoming-connection-refused"));
    alerts.raise(failed(mailboxId, "outgoing-connection-refused"));
    // what a failed cycle leaves with its alert: the mailbox shows the error (only then does a
    // successful cycle look for sign-in alerts to resolve)
    fixtures.set(mailboxId, "last_error_code = 'connection-refused', consecutive_errors = 1");
    assertThat(openErrors(mailboxId)).isEqualTo(3);

    assertThat(admin.call(() -> incoming.syncNow(mailboxId)).status())
        .isEqualTo(SyncStatus.SUCCEEDED);

    assertThat(openCodes(mailboxId, AlertLevel.ERROR))
        .containsExactly("outgoing-connection-refused");
    assertThat(openErrors(mailboxId)).isEqualTo(1);
    Alert resolved = alert(signIn.getId());
    assertThat(resolved.isResolved()).isTrue();
    assertThat(resolved.getDismissedBy()).isEqualTo("resolved by SyncPost");
    assertThat(auditOf(signIn.getId()))
        .containsExactly(
            "resolved: alert incoming-authentication-failed resolved by SyncPost: an incoming"
                + " cycle signed in again");
  }

  @Test
  void emailSentThroughTheServerResolvesTheOutgoingSignInAlertsAndLeavesTheIncomingOnes()
      throws Exception {
    Servers servers =
        new Servers(
            ServerType.IMAP_SMTP, greenMail.getImap().getPort(), greenMail.getSmtp().getPort());
    long mailboxId = admin.call(() -> mailboxes.sendingMailbox(servers, user.getLogin(), PASSWORD));
    Alert signIn = alerts.raise(failed(mailboxId, "outgoing-authentication-failed"));
    alerts.raise(failed(mailboxId, "incoming-connection-refused"));
    for (int i = 0; i < 3; i++) {
      int n = i;
      admin.call(() -> mailboxes.queue(mailboxId, "sent " + n, "someone@example.net"));
    }

    sender.sendDueEmail(mailboxId);

    assertThat(openCodes(mailboxId, AlertLevel.ERROR))
        .containsExactly("incoming-connection-refused");
    assertThat(auditOf(signIn.getId()))
        .containsExactly(
            "resolved: alert outgoing-authentication-failed resolved by SyncPost: an email was"
                + " sent through its server");
  }

  @Test
  void testAndEnableThatPassesAgainResolvesTheAlertOfTheFailedTest() throws Exception {
    long mailboxId = workingMailbox();
    user.setPassword("changed-on-the-server");
    admin.call(() -> tests.testAndEnable(mailboxId, false));
    assertThat(openCodes(mailboxId, AlertLevel.ERROR)).containsExactly("authentication-failed");
    Alert failedTest =
        admin
            .call(
                () ->
                    alerts.list(
                        new AlertFilter(mailboxId, null, AlertLevel.ERROR, false, false), 0, 1))
            .get(0);

    user.setPassword(PASSWORD);
    admin.call(() -> tests.testAndEnable(mailboxId, false));

    assertThat(openErrors(mailboxId)).isZero();
    assertThat(alert(failedTest.getId()).isResolved()).isTrue();
    assertThat(auditOf(failedTest.getId()))
        .singleElement()
        .asString()
        .startsWith("resolved: alert authentication-failed resolved by SyncPost");
  }

  @Test
  void anAlertDismissedByAPersonStaysTheirsWhenTheSignInSucceeds() throws Exception {
    long mailboxId = workingMailbox();
    Alert dismissed = alerts.raise(failed(mailboxId, "incoming-timeout"));
    admin.call(() -> alerts.dismiss(dismissed.getId()));

    admin.call(() -> incoming.syncNow(mailboxId));

    Alert after = alert(dismissed.getId());
    assertThat(after.isResolved()).isFalse();
    assertThat(after.getDismissedBy()).isNotEqualTo(Alert.RESOLVED_BY);
    assertThat(auditOf(dismissed.getId()))
        .extracting(entry -> entry.split(":")[0])
        .containsExactly("dismissed");
  }
}
