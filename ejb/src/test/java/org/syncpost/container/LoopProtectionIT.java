package org.syncpost.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.container.LoopbackGreenMail.PASSWORD;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
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
import org.syncpost.incoming.boundary.Incoming;
import org.syncpost.mailbox.entity.HeldAsLoop;

/**
 * Loop protection (issue 16) against GreenMail and the real engine: automatic messages from one
 * sender beyond the limit (40, the default) in one day are held — not records, left on the server —
 * and the owner gets one alert; a person's mail from the same sender is still taken.
 */
@ExtendWith(ArquillianExtension.class)
@Timeout(180)
class LoopProtectionIT {

  private static final int LIMIT = 40;

  @Inject AsAdministrator admin;
  @Inject MailServerMailboxes mailboxes;
  @Inject Incoming incoming;
  @Inject Alerts alerts;

  private GreenMail greenMail;
  private GreenMailUser account;
  private long mailboxId;

  @BeforeEach
  void startMailServerAndMailbox() throws Exception {
    greenMail = LoopbackGreenMail.started();
    account = LoopbackGreenMail.account(greenMail);
    String login = account.getLogin();
    Servers servers = LoopbackGreenMail.imap(greenMail);
    mailboxId = admin.call(() -> mailboxes.userMailbox(servers, login, PASSWORD, "INBOX"));
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  private static MimeMessage from(String sender, String subject, boolean automatic)
      throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(sender));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("box@example.org"));
    message.setSubject(subject);
    message.setText("Out of office");
    message.setSentDate(new Date());
    if (automatic) {
      message.setHeader("Auto-Submitted", "auto-replied");
    }
    message.saveChanges();
    return message;
  }

  /** Cycles until nothing more is waiting (a cycle of this deployment takes a few messages). */
  private List<String> syncAll() throws Exception {
    for (int cycle = 0; cycle < 40; cycle++) {
      if (!admin.call(() -> incoming.syncNow(mailboxId)).moreWaiting()) {
        break;
      }
    }
    return admin.call(() -> mailboxes.subjects(mailboxId));
  }

  private List<Alert> loopAlerts() throws Exception {
    return admin
        .call(() -> alerts.list(new AlertFilter(mailboxId, null, null, false, false), 0, 100))
        .stream()
        .filter(alert -> "incoming-loop-held".equals(alert.getCode()))
        .toList();
  }

  @Test
  void automaticMailFromOneSenderBeyondTheDailyLimitIsHeldWithOneAlert() throws Exception {
    String responder = "responder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    for (int i = 1; i <= LIMIT + 5; i++) {
      account.deliver(from(responder, "auto " + i, true));
    }
    account.deliver(from(responder, "a person writes", false));
    account.deliver(from("other-" + responder, "another responder", true));

    List<String> recorded = syncAll();

    assertThat(recorded).hasSize(LIMIT + 2);
    assertThat(recorded).contains("auto " + LIMIT, "a person writes", "another responder");
    assertThat(recorded).doesNotContain("auto " + (LIMIT + 1));
    HeldAsLoop held = admin.call(() -> mailboxes.mailbox(mailboxId)).getHeldAsLoop();
    assertThat(held.getCount() + " " + held.getLastSender()).isEqualTo("5 " + responder);
    assertThat(loopAlerts()).hasSize(1);
    assertThat(loopAlerts().get(0).getCount()).isEqualTo(1);
    assertThat(greenMail.getManagers().getImapHostManager().getInbox(account).getMessageCount())
        .as("held mail stays on the server")
        .isEqualTo(LIMIT + 7);
  }
}
