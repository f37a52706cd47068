package org.syncpost.testing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class DovecotIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  @Test
  void imapsClientTrustingTheTestCaReadsADeliveredMessage() throws Exception {
    MailUser user = newUser();
    servers.dovecot().deliver(user.name(), message(user, "Delivered for IMAPS"));

    assertThat(subjectsInInbox("imaps", servers.dovecot().imapsPort(), user))
        .containsExactly("Delivered for IMAPS");
  }

  @Test
  void pop3sClientTrustingTheTestCaReadsADeliveredMessage() throws Exception {
    MailUser user = newUser();
    servers.dovecot().deliver(user.name(), message(user, "Delivered for POP3S"));

    assertThat(subjectsInInbox("pop3s", servers.dovecot().pop3sPort(), user))
        .containsExactly("Delivered for POP3S");
  }

  @Test
  void imapClientRequiringStartTlsLogsInOnThePlainPort() throws Exception {
    MailUser user = newUser();
    servers.dovecot().deliver(user.name(), message(user, "Read after STARTTLS"));

    assertThat(subjectsInInbox("imap", servers.dovecot().imapPort(), user))
        .containsExactly("Read after STARTTLS");
  }

  @Test
  void foldersCreatedAndFilledWithDoveadmAreCounted() {
    MailUser user = newUser();
    servers.dovecot().createFolder(user.name(), "Projects/2026");
    servers.dovecot().deliver(user.name(), "Projects/2026", message(user, "one"));
    servers.dovecot().deliver(user.name(), "Projects/2026", message(user, "two"));

    assertThat(servers.dovecot().messageCount(user.name(), "Projects/2026")).isEqualTo(2);
  }

  @Test
  void eachLoopbackAddressPresentsItsOwnCertificate() {
    Map<ServerCertificate, String> presented = new EnumMap<>(ServerCertificate.class);
    Map<ServerCertificate, String> issued = new EnumMap<>(ServerCertificate.class);
    for (ServerCertificate which : ServerCertificate.values()) {
      presented.put(
          which, summary(PresentedCertificate.of(which.address(), servers.dovecot().imapsPort())));
      issued.put(which, summary(servers.certificates().x509Certificate(which)));
    }

    assertThat(presented)
        .isEqualTo(issued)
        .containsEntry(
            ServerCertificate.EXPIRED,
            "CN=expired.syncpost.test, O=SyncPost tests until 2020-02-01T00:00:00Z")
        .containsEntry(
            ServerCertificate.REVOKED,
            "CN=revoked.syncpost.test, O=SyncPost tests until 2049-12-31T23:59:59Z");
  }

  @Test
  void proxyInFrontOfPlainImapCountsTheSimultaneousConnections() throws Exception {
    MailUser user = newUser();
    try (ConnectionCountingProxy proxy =
        ConnectionCountingProxy.forwardingTo("127.0.0.1", servers.dovecot().imapPort())) {
      List<Store> stores = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Store store = Session.getInstance(plainImap()).getStore("imap");
          store.connect(proxy.host(), proxy.port(), user.name(), user.password());
          stores.add(store);
        }
      } finally {
        for (Store store : stores) {
          store.close();
        }
      }

      assertThat(
              List.of(
                  proxy.peakConnections(),
                  proxy.awaitOpenConnectionsAtMost(0, Duration.ofSeconds(5))))
          .as("peak, then open after closing")
          .containsExactly(3, 0);
    }
  }

  @Test
  void wrongPasswordsAreRefusedWithoutSlowingDownLaterLogins() throws Exception {
    MailUser user = newUser();
    long start = System.nanoTime();
    List<String> outcomes = new ArrayList<>();
    for (String password : List.of("wrong-1", "wrong-2", "wrong-3", user.password())) {
      Store store = Session.getInstance(plainImap()).getStore("imap");
      try {
        store.connect("127.0.0.1", servers.dovecot().imapPort(), user.name(), password);
        outcomes.add("logged in");
        store.close();
      } catch (jakarta.mail.AuthenticationFailedException refused) {
        outcomes.add("refused");
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // With Dovecot's defaults (2 s failure delay, then the per-IP auth penalty) this takes > 10 s.
    assertThat(outcomes + " within 4 s: " + (took.compareTo(Duration.ofSeconds(4)) < 0))
        .isEqualTo("[refused, refused, refused, logged in] within 4 s: true");
  }

  private static MailUser newUser() {
    return servers
        .dovecot()
        .addUser(
            "user-" + UUID.randomUUID().toString().substring(0, 8),
            "pass:word-" + UUID.randomUUID());
  }

  private static byte[] message(MailUser user, String subject) {
    return Messages.plainText(
        "sender@example.org", user.address(), subject, "Hello " + user.name());
  }

  private static String summary(X509Certificate certificate) {
    return certificate
            .getSubjectX500Principal()
            .getName(javax.security.auth.x500.X500Principal.RFC2253)
            .replace(",", ", ")
        + " until "
        + certificate.getNotAfter().toInstant();
  }

  /** Subjects in INBOX, read with TLS trusting only the test CA, checking the host name. */
  private static List<String> subjectsInInbox(String protocol, int port, MailUser user)
      throws MessagingException {
    Properties properties = new Properties();
    String prefix = "mail." + protocol + ".";
    properties.put(prefix + "connectiontimeout", "10000");
    properties.put(prefix + "timeout", "10000");
    properties.put(prefix + "writetimeout", "10000");
    properties.put(prefix + "ssl.socketFactory", servers.certificates().socketFactory());
    properties.put(prefix + "ssl.checkserveridentity", "true");
    properties.put(prefix + "socketFactory.fallback", "false");
    if (protocol.equals("imap")) {
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
    }
    Store store = Session.getInstance(properties).getStore(protocol);
    store.connect("127.0.0.1", port, user.address(), user.password());
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return Arrays.stream(inbox.getMessages()).map(DovecotIT::subject).toList();
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }

  private static Properties plainImap() {
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", "10000");
    properties.put("mail.imap.timeout", "10000");
    properties.put("mail.imap.writetimeout", "10000");
    return properties;
  }

  private static String subject(Message message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
