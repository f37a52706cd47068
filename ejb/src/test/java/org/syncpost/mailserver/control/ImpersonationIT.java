package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TlsMode;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.RealMailServers;

/**
 * The profile's account acting for a mailbox on real Dovecot (master users) and Postfix (SASL
 * through Dovecot): the session is the mailbox's, never the account's own (issue 13).
 */
@RealMailServers
@Timeout(90)
class ImpersonationIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private static final AtomicInteger USERS = new AtomicInteger();

  private final MailSessions sessions =
      new MailSessions(new TrustPolicy(), new FailureTranslator());

  private static MailUser newUser(String role) {
    return servers
        .dovecot()
        .addUser(
            role + USERS.incrementAndGet() + "-" + ProcessHandle.current().pid(), "pw-" + role);
  }

  /** A master account with its own mail, and two mailboxes with theirs. */
  private record Accounts(MailUser account, MailUser first, MailUser second) {}

  private static Accounts accountsWithTheirOwnMail(boolean accountIsMaster) {
    MailUser account = newUser("service");
    if (accountIsMaster) {
      servers.dovecot().makeMaster(account);
    }
    Accounts accounts = new Accounts(account, newUser("user"), newUser("user"));
    for (MailUser user : List.of(accounts.account(), accounts.first(), accounts.second())) {
      servers
          .dovecot()
          .deliver(
              user.name(),
              Messages.plainText(
                  "sender@example.org", user.address(), "for " + user.name(), "only for them"));
    }
    return accounts;
  }

  private EndpointFixture overStartTls(EndpointFixture fixture, MailUser account) {
    return fixture
        .tls(TlsMode.STARTTLS_REQUIRED)
        .trusting(servers.certificates().caCertificatePem())
        .revocation(RevocationCheck.OFF)
        .username(account.name())
        .password(account.password());
  }

  private List<String> subjectsIn(Endpoint endpoint) throws Exception {
    return InboxSubjects.of(sessions, endpoint);
  }

  @Test
  void aMasterAccountActingByAuthorizationIdentityReadsEachMailboxsOwnImapInbox() throws Exception {
    Accounts accounts = accountsWithTheirOwnMail(true);

    for (MailUser mailbox : List.of(accounts.first(), accounts.second())) {
      Endpoint endpoint =
          overStartTls(EndpointFixture.imap(servers.dovecot().imapPort()), accounts.account())
              .authorizingAs(mailbox.address())
              .build();

      assertThat(subjectsIn(endpoint)).containsExactly("for " + mailbox.name());
    }
    String log = Files.readString(servers.dovecot().log());
    for (MailUser mailbox : List.of(accounts.first(), accounts.second())) {
      assertThat(log)
          .contains(
              "Login: user=<"
                  + mailbox.name()
                  + ">, auth_user=<"
                  + accounts.account().name()
                  + ">");
    }
    assertThat(log).doesNotContain("Login: user=<" + accounts.account().name() + ">");
  }

  @Test
  void aMasterAccountActingByAuthorizationIdentityReadsEachMailboxsOwnPop3Inbox() throws Exception {
    Accounts accounts = accountsWithTheirOwnMail(true);

    for (MailUser mailbox : List.of(accounts.first(), accounts.second())) {
      Endpoint endpoint =
          overStartTls(EndpointFixture.pop3(servers.dovecot().pop3Port()), accounts.account())
              .authorizingAs(mailbox.name())
              .build();

      assertThat(subjectsIn(endpoint)).containsExactly("for " + mailbox.name());
    }
  }

  @Test
  void aMasterUserLoginReadsTheMailboxNamedBeforeTheSeparator() throws Exception {
    Accounts accounts = accountsWithTheirOwnMail(true);
    Endpoint endpoint =
        overStartTls(EndpointFixture.imap(servers.dovecot().imapPort()), accounts.account())
            .username(accounts.first().name() + "*" + accounts.account().name())
            .masterLoginFor(accounts.first().name())
            .build();

    assertThat(subjectsIn(endpoint)).containsExactly("for " + accounts.first().name());
  }

  @Test
  void anAccountWithoutImpersonationRightsIsRefusedAndNeverGetsItsOwnMailbox() {
    Accounts accounts = accountsWithTheirOwnMail(false);

    for (EndpointFixture fixture :
        List.of(
            EndpointFixture.imap(servers.dovecot().imapPort()),
            EndpointFixture.pop3(servers.dovecot().pop3Port()))) {
      Endpoint endpoint =
          overStartTls(fixture, accounts.account()).authorizingAs(accounts.first().name()).build();

      MailServerFailure refused =
          catchThrowableOfType(MailServerFailure.class, () -> subjectsIn(endpoint));

      assertThat(refused.failureCause()).isEqualTo(FailureCause.IMPERSONATION_REFUSED);
    }
  }

  @Test
  void aMasterAccountSendsAsTheMailboxThroughPostfixWithTheMailboxAsSaslIdentity()
      throws Exception {
    Accounts accounts = accountsWithTheirOwnMail(true);
    MailUser mailbox = accounts.first();
    String subject = "sent as " + mailbox.name() + " " + UUID.randomUUID();
    Endpoint endpoint =
        overStartTls(EndpointFixture.smtp(servers.postfix().submissionPort()), accounts.account())
            .authorizingAs(mailbox.address())
            .build();
    Session session = sessions.sessionFor(endpoint);
    MimeMessage message =
        new MimeMessage(
            session,
            new ByteArrayInputStream(
                Messages.plainText(
                    mailbox.address(), accounts.second().address(), subject, "hello")));

    try (Transport transport = sessions.connectTransport(session, endpoint)) {
      transport.sendMessage(message, message.getAllRecipients());
    }

    servers
        .dovecot()
        .awaitMessageCount(accounts.second().name(), "INBOX", 2, Duration.ofSeconds(30));
    assertThat(Files.readString(servers.postfix().log(), StandardCharsets.UTF_8))
        .contains("sasl_username=" + mailbox.name());
  }
}
