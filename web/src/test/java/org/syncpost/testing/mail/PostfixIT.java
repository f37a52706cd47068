package org.syncpost.testing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class PostfixIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private static final Duration ARRIVAL = Duration.ofSeconds(15);

  @Test
  void messageSubmittedWithStartTlsAndAuthArrivesInTheRecipientsInbox() throws Exception {
    MailUser sender = newUser();
    MailUser recipient = newUser();

    send(startTlsSubmission(), servers.postfix().submissionPort(), sender, recipient);

    assertThat(servers.dovecot().awaitMessageCount(recipient.name(), "INBOX", 1, ARRIVAL))
        .isEqualTo(1);
  }

  @Test
  void messageSubmittedOverImplicitTlsArrivesInTheRecipientsInbox() throws Exception {
    MailUser sender = newUser();
    MailUser recipient = newUser();

    send(implicitTls(), servers.postfix().smtpsPort(), sender, recipient);

    assertThat(servers.dovecot().awaitMessageCount(recipient.name(), "INBOX", 1, ARRIVAL))
        .isEqualTo(1);
  }

  @Test
  void submissionRefusesMailFromAClientThatSkipsStartTls() {
    MailUser sender = newUser();
    MailUser recipient = newUser();
    Properties plain = timeouts("smtp");
    plain.put("mail.smtp.auth", "true");

    MessagingException refused =
        assertThrows(
            MessagingException.class,
            () -> send(plain, servers.postfix().submissionPort(), sender, recipient));

    assertThat(refused).hasMessageContaining("Must issue a STARTTLS command first");
  }

  private static MailUser newUser() {
    return servers
        .dovecot()
        .addUser(
            "user-" + UUID.randomUUID().toString().substring(0, 8), "secret-" + UUID.randomUUID());
  }

  private static void send(Properties properties, int port, MailUser sender, MailUser recipient)
      throws MessagingException {
    Session session = Session.getInstance(properties);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(sender.address()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.address()));
    message.setSubject("From " + sender.name());
    message.setSentDate(Date.from(Messages.DEFAULT_DATE.toInstant()));
    message.setText("Hello " + recipient.name());
    try (Transport transport = session.getTransport(properties.getProperty("protocol"))) {
      transport.connect("127.0.0.1", port, sender.name(), sender.password());
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  private static Properties startTlsSubmission() {
    Properties properties = timeouts("smtp");
    properties.put("mail.smtp.auth", "true");
    properties.put("mail.smtp.starttls.enable", "true");
    properties.put("mail.smtp.starttls.required", "true");
    trustTestCa(properties, "smtp");
    return properties;
  }

  private static Properties implicitTls() {
    Properties properties = timeouts("smtps");
    properties.put("mail.smtps.auth", "true");
    trustTestCa(properties, "smtps");
    return properties;
  }

  private static void trustTestCa(Properties properties, String protocol) {
    properties.put(
        "mail." + protocol + ".ssl.socketFactory", servers.certificates().socketFactory());
    properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    properties.put("mail." + protocol + ".socketFactory.fallback", "false");
  }

  private static Properties timeouts(String protocol) {
    Properties properties = new Properties();
    properties.put("protocol", protocol);
    properties.put("mail." + protocol + ".connectiontimeout", "10000");
    properties.put("mail." + protocol + ".timeout", "10000");
    properties.put("mail." + protocol + ".writetimeout", "10000");
    return properties;
  }
}
