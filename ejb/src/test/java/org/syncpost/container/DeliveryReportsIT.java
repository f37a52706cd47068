package org.syncpost.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.container.LoopbackGreenMail.PASSWORD;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertFilter;
import org.syncpost.container.MailServerMailboxes.Servers;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.incoming.boundary.Incoming;
import org.syncpost.outgoing.control.MailboxSender;

/**
 * Delivery status notifications (RFC 3464, issue 16) against GreenMail and the real engines: an
 * email SyncPost sent is sent over SMTP, a report about it arrives in the sender's mailbox, and the
 * incoming engine puts the outcome onto the sent record instead of opening a conversation.
 */
@ExtendWith(ArquillianExtension.class)
@Timeout(120)
class DeliveryReportsIT {

  @Inject AsAdministrator admin;
  @Inject MailServerMailboxes mailboxes;
  @Inject Incoming incoming;
  @Inject MailboxSender sender;
  @Inject ReceivedRecords records;
  @Inject Alerts alerts;

  private GreenMail greenMail;
  private GreenMailUser account;
  private long mailboxId;

  @BeforeEach
  void startMailServerAndSendingMailbox() throws Exception {
    greenMail = LoopbackGreenMail.started();
    account = LoopbackGreenMail.account(greenMail);
    String login = account.getLogin();
    Servers servers = LoopbackGreenMail.imap(greenMail);
    mailboxId = admin.call(() -> mailboxes.sendingMailbox(servers, login, PASSWORD));
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  /** An email the mailbox sent over SMTP; its record, now SENT. */
  private EmailRecord sent(String subject, String... to) throws Exception {
    long id = admin.call(() -> mailboxes.queue(mailboxId, subject, to));
    sender.sendDueEmail(mailboxId);
    EmailRecord record = admin.call(() -> mailboxes.email(id));
    assertThat(record.getStatus()).as("sent before it can bounce").isEqualTo(EmailStatus.SENT);
    return record;
  }

  /** The mailbox's received records after a cycle, one line each ({@link ReceivedRecords}). */
  private List<String> received() throws Exception {
    admin.call(() -> incoming.syncNow(mailboxId));
    return admin.call(() -> records.of(mailboxId));
  }

  private List<Alert> bounceAlerts() throws Exception {
    return admin
        .call(() -> alerts.list(new AlertFilter(mailboxId, null, null, false, false), 0, 100))
        .stream()
        .filter(alert -> "outgoing-bounced".equals(alert.getCode()))
        .toList();
  }

  private void deliverReport(String action, String status, String recipient, String messageId)
      throws Exception {
    String boundary = "report-" + UUID.randomUUID();
    String raw =
        String.join(
            "\r\n",
            "Return-Path: <>",
            "From: MAILER-DAEMON@mx.example.net",
            "To: " + account.getEmail(),
            "Subject: Delivery Status Notification (" + action + ")",
            "Message-ID: <" + UUID.randomUUID() + "@mx.example.net>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\""
                + boundary
                + "\"",
            "",
            "--" + boundary,
            "Content-Type: text/plain",
            "",
            "Your message could not be delivered.",
            "--" + boundary,
            "Content-Type: message/delivery-status",
            "",
            "Reporting-MTA: dns; mx.example.net",
            "",
            "Final-Recipient: rfc822; " + recipient,
            "Action: " + action,
            "Status: " + status,
            "Diagnostic-Code: smtp; 550 " + status + " User unknown",
            "",
            "--" + boundary,
            "Content-Type: text/rfc822-headers",
            "",
            "From: " + account.getEmail(),
            "To: " + recipient,
            "Subject: whatever it was",
            "Message-ID: " + messageId,
            "",
            "--" + boundary + "--",
            "");
    account.deliver(
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void aBounceOfAnEmailSyncPostSentMarksItBouncedWithTheReasonAndJoinsItsConversation()
      throws Exception {
    EmailRecord offer = sent("our offer", "nobody@example.net");
    deliverReport("failed", "5.1.1", "nobody@example.net", offer.getMessageId());

    List<String> reports = received();
    EmailRecord bounced = admin.call(() -> mailboxes.email(offer.getId()));

    assertThat(bounced.getStatus()).isEqualTo(EmailStatus.BOUNCED);
    assertThat(bounced.getDeliveryReport())
        .containsExactly("nobody@example.net: 5.1.1 (550 5.1.1 User unknown)");
    assertThat(reports)
        .containsExactly(
            "Delivery Status Notification (failed) | DELIVERY_REPORT | " + offer.getId());
    assertThat(bounceAlerts())
        .singleElement()
        .satisfies(alert -> assertThat(alert.getText()).contains("nobody@example.net: 5.1.1"));
  }

  @Test
  void aDelayReportIsShownOnTheEmailWithoutBouncingIt() throws Exception {
    EmailRecord offer = sent("slow offer", "slow@example.net");
    deliverReport("delayed", "4.4.7", "slow@example.net", offer.getMessageId());

    received();
    EmailRecord delayed = admin.call(() -> mailboxes.email(offer.getId()));

    assertThat(bounceAlerts()).isEmpty();
    assertThat(delayed.getStatus()).isEqualTo(EmailStatus.SENT);
    assertThat(delayed.getDeliveryReport())
        .containsExactly("slow@example.net: 4.4.7 (550 4.4.7 User unknown)");
  }

  @Test
  void aReportAboutNoEmailSyncPostSentStaysAnOrdinaryRecord() throws Exception {
    deliverReport("failed", "5.1.1", "nobody@example.net", "<never-sent@elsewhere.test>");

    assertThat(received()).containsExactly("Delivery Status Notification (failed) | NONE | -");
  }
}
