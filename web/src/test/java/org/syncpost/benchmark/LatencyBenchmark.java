package org.syncpost.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.IncomingMailbox;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * Push latency: messages sent one by one through Postfix (SMTPS, delivered to Dovecot over LMTP) to
 * a mailbox that listens with IMAP IDLE and whose next poll is an hour away; from the moment
 * Postfix accepted a message to the moment its record is visible over REST:
 *
 * <pre>./mvnw -B verify -pl web -am -Pbenchmark -Dbenchmark=LatencyBenchmark
 * [-Dbenchmark.messages=200]</pre>
 */
class LatencyBenchmark {

  private static final int MESSAGES = Integer.getInteger("benchmark.messages", 200);

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  @RegisterExtension static final OwnSyncPost own = new OwnSyncPost(Map.of());

  @Test
  void fromSmtpAcceptedToRecordWithPush() throws Exception {
    IncomingMailbox box =
        IncomingMailbox.on(own.server().admin(), servers.dovecot(), servers.certificates())
            .pollingEveryMinutes(60)
            .push(true)
            .create();
    assertThat(
            IncomingMailbox.await(
                () -> "LISTENING".equals(box.json().getString("pushStatus")),
                Duration.ofMinutes(3)))
        .as("listening: %s", box.json())
        .isTrue();
    MailUser sender = servers.dovecot().addUser("sender-" + UUID.randomUUID(), "secret");

    List<Long> millis = new ArrayList<>();
    Properties props = new Properties();
    props.put("mail.smtps.auth", "true");
    props.put("mail.smtps.ssl.socketFactory", servers.certificates().socketFactory());
    props.put("mail.smtps.connectiontimeout", "10000");
    props.put("mail.smtps.timeout", "30000");
    Session session = Session.getInstance(props);
    try (Transport smtp = session.getTransport("smtps")) {
      smtp.connect("127.0.0.1", servers.postfix().smtpsPort(), sender.name(), sender.password());
      for (int i = 0; i < MESSAGES; i++) {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(sender.address()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(box.user().address()));
        message.setSubject("latency " + i);
        message.setText("Message " + i + " of the latency benchmark.");
        smtp.sendMessage(message, message.getAllRecipients());
        long accepted = System.nanoTime();
        long expected = i + 1;
        while (box.recordCount() < expected) {
          if (System.nanoTime() - accepted > Duration.ofMinutes(2).toNanos()) {
            throw new AssertionError("message " + i + " was not recorded within 2 minutes");
          }
          Thread.sleep(20);
        }
        millis.add((System.nanoTime() - accepted) / 1_000_000);
      }
    }
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        """

        ==== LatencyBenchmark ====================================================
        messages               %d, one by one (SMTPS to Postfix -> LMTP -> Dovecot)
        mailbox                push (IMAP IDLE), next poll an hour away
        SMTP accepted -> record visible over REST (polled every 20 ms)
          p50                  %,d ms
          p99                  %,d ms
          max                  %,d ms
          mean                 %,.0f ms
        =========================================================================
        %n""",
        MESSAGES,
        percentile(sorted, 50),
        percentile(sorted, 99),
        sorted.get(sorted.size() - 1),
        sorted.stream().mapToLong(Long::longValue).average().orElse(0));
    assertThat(box.recordCount()).isEqualTo(MESSAGES);
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(index, 0));
  }
}
