package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TlsMode;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.OAuthMailServers;
import org.syncpost.testing.mail.RealMailServers;

/**
 * App-only OAuth 2.0 on real servers (issue 15): a real authorization server (mock-oauth2-server)
 * issues tokens by the JWT bearer grant for each mailbox's address; Dovecot's oauth2 passdb checks
 * them by introspection against it (IMAP, POP3), and Postfix through Dovecot's SASL (SMTP).
 */
@RealMailServers
@Timeout(120)
class OAuthSignInIT {

  private static final String ISSUER = "syncpost-test";
  private static final AtomicInteger USERS = new AtomicInteger();

  @RegisterExtension
  static final OAuthMailServers servers = OAuthMailServers.withDovecotAndPostfix(ISSUER);

  private static OAuthClient serviceAccount;

  private final MailSessions sessions =
      new MailSessions(new TrustPolicy(), new FailureTranslator());
  private final AccessTokens tokens = new AccessTokens(Clock.systemUTC());

  @BeforeAll
  static void serviceAccount() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    serviceAccount =
        new OAuthClient(
            OAuthGrant.JWT_BEARER,
            URI.create(servers.tokenEndpoint()),
            "syncpost@service-accounts.example",
            null,
            Secret.of(pem),
            "key-1",
            "mail");
  }

  private static MailUser mailboxWithItsOwnMail() {
    MailUser user =
        servers
            .dovecot()
            .addUser(
                "oauth" + USERS.incrementAndGet() + "-" + ProcessHandle.current().pid(),
                "password-not-used-" + UUID.randomUUID());
    servers
        .dovecot()
        .deliver(
            user.name(),
            Messages.plainText("sender@example.org", user.address(), "for " + user.name(), "hi"));
    return user;
  }

  /** A token by the JWT bearer grant for {@code mailbox}, which Dovecot accepts. */
  private Secret tokenFor(MailUser mailbox) {
    servers.issuesBearerTokenFor(mailbox.address());
    return tokens.tokenFor(serviceAccount, mailbox.address(), "mail server");
  }

  /**
   * A token asked for {@code mailbox} whose subject the authorization server says is {@code
   * subject}: for the JWT bearer grant mock-oauth2-server takes the subject from the assertion, and
   * a claim of the callback overrides it.
   */
  private Secret tokenNaming(String subject, MailUser mailbox) {
    servers
        .authorizationServer()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                ISSUER,
                subject,
                "JWT",
                List.of("mail"),
                Map.of("token_type", "Bearer", "sub", subject),
                3600));
    return tokens.tokenFor(serviceAccount, mailbox.address(), "mail server");
  }

  /**
   * Dovecot refuses the first token (the introspection answer names another user), as a mail server
   * refuses a revoked token long before it expires; the next attempt must not offer the same token
   * again for the hour it is valid.
   */
  @Test
  void aTokenTheMailServerRefusedIsForgottenSoTheNextSignInGetsANewOne() throws Exception {
    MailUser mailbox = mailboxWithItsOwnMail();
    MailSessions forgetting = new MailSessions(new TrustPolicy(), new FailureTranslator(tokens));
    Secret refusedToken = tokenNaming("nobody@syncpost.test", mailbox);
    Endpoint refusedEndpoint =
        signedInBy(
                EndpointFixture.imap(servers.dovecot().imapPort()), mailbox.address(), refusedToken)
            .build();
    MailServerFailure refused =
        catchThrowableOfType(
            MailServerFailure.class, () -> InboxSubjects.of(forgetting, refusedEndpoint));
    assertThat(refused).isNotNull();
    assertThat(refused.failureCause()).isEqualTo(FailureCause.TOKEN_REFUSED);

    Secret next = tokenFor(mailbox);

    assertThat(next.reveal()).isNotEqualTo(refusedToken.reveal());
    assertThat(
            InboxSubjects.of(
                forgetting,
                signedInBy(
                        EndpointFixture.imap(servers.dovecot().imapPort()), mailbox.address(), next)
                    .build()))
        .containsExactly("for " + mailbox.name());
  }

  private EndpointFixture signedInBy(EndpointFixture fixture, String address, Secret token) {
    return fixture
        .tls(TlsMode.STARTTLS_REQUIRED)
        .trusting(servers.certificates().caCertificatePem())
        .revocation(RevocationCheck.OFF)
        .username(address)
        .password(token.reveal())
        .auth(AuthProtocol.OAUTH2);
  }

  private List<String> subjectsIn(Endpoint endpoint) throws Exception {
    return InboxSubjects.of(sessions, endpoint);
  }

  @Test
  void twoMailboxesEachReadTheirOwnImapAndPop3InboxWithATokenForTheirAddress() throws Exception {
    for (MailUser mailbox : List.of(mailboxWithItsOwnMail(), mailboxWithItsOwnMail())) {
      Secret token = tokenFor(mailbox);

      assertThat(
              subjectsIn(
                  signedInBy(
                          EndpointFixture.imap(servers.dovecot().imapPort()),
                          mailbox.address(),
                          token)
                      .build()))
          .containsExactly("for " + mailbox.name());
      assertThat(
              subjectsIn(
                  signedInBy(
                          EndpointFixture.pop3(servers.dovecot().pop3Port()),
                          mailbox.address(),
                          token)
                      .build()))
          .containsExactly("for " + mailbox.name());
    }
    assertThat(Files.readString(servers.dovecot().log())).contains("method=XOAUTH2");
  }

  @Test
  void eachMailboxSendsAsItselfThroughPostfixWithItsToken() throws Exception {
    MailUser first = mailboxWithItsOwnMail();
    MailUser second = mailboxWithItsOwnMail();
    for (MailUser sender : List.of(first, second)) {
      MailUser recipient = sender == first ? second : first;
      Secret token = tokenFor(sender);
      Endpoint endpoint =
          signedInBy(
                  EndpointFixture.smtp(servers.postfix().submissionPort()), sender.address(), token)
              .build();
      Session session = sessions.sessionFor(endpoint);
      MimeMessage message =
          new MimeMessage(
              session,
              new ByteArrayInputStream(
                  Messages.plainText(
                      sender.address(), recipient.address(), "from " + sender.name(), "hello")));

      try (Transport transport = sessions.connectTransport(session, endpoint)) {
        transport.sendMessage(message, message.getAllRecipients());
      }
    }

    assertThat(
            servers.dovecot().awaitMessageCount(first.name(), "INBOX", 2, Duration.ofSeconds(30)))
        .isEqualTo(2);
    assertThat(
            servers.dovecot().awaitMessageCount(second.name(), "INBOX", 2, Duration.ofSeconds(30)))
        .isEqualTo(2);
    String log = Files.readString(servers.postfix().log(), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("sasl_method=XOAUTH2, sasl_username=" + first.name())
        .contains("sasl_method=XOAUTH2, sasl_username=" + second.name());
  }

  @Test
  void aTokenForAnotherAddressIsRefusedInPlainWords() {
    MailUser owner = mailboxWithItsOwnMail();
    MailUser other = mailboxWithItsOwnMail();
    Secret othersToken = tokenFor(other);

    for (EndpointFixture fixture :
        List.of(
            EndpointFixture.imap(servers.dovecot().imapPort()),
            EndpointFixture.pop3(servers.dovecot().pop3Port()),
            EndpointFixture.smtp(servers.postfix().submissionPort()))) {
      Endpoint endpoint = signedInBy(fixture, owner.address(), othersToken).build();

      MailServerFailure refused =
          catchThrowableOfType(
              MailServerFailure.class,
              () -> {
                if (endpoint.protocol() == MailProtocol.SMTP) {
                  sessions.connectTransport(endpoint).close();
                  return;
                }
                try {
                  subjectsIn(endpoint);
                } catch (MessagingException e) {
                  // as the synchronizers do: Angus' POP3 learns of the refusal at the first command
                  throw new FailureTranslator().translate(e, endpoint);
                }
              });

      assertThat(refused).as(endpoint.describe()).isNotNull();
      assertThat(refused.failureCause()).isEqualTo(FailureCause.TOKEN_REFUSED);
      assertThat(refused.getMessage())
          .contains("refused the OAuth 2.0 access token")
          .contains(owner.address());
      assertThat(refused.getMessage() + refused.technicalDetail())
          .doesNotContain(othersToken.reveal());
      if (endpoint.protocol() == MailProtocol.SMTP) {
        // Dovecot's XOAUTH2 error challenge, which Angus' SMTP keeps (its IMAP and POP3 do not)
        assertThat(refused.getMessage()).contains("invalid or has expired").contains("status 401");
      }
    }
  }

  /**
   * RFC 7628 through our SASL client (ADR 0024): Dovecot offers both mechanisms, the profile's
   * authentication protocol OAUTHBEARER chooses it for IMAP and for SMTP through Postfix.
   */
  @Test
  void oauthBearerSignsInToImapAndSendsThroughPostfixWithTheSameToken() throws Exception {
    MailUser sender = mailboxWithItsOwnMail();
    MailUser recipient = mailboxWithItsOwnMail();
    Secret token = tokenFor(sender);

    assertThat(
            subjectsIn(
                signedInBy(
                        EndpointFixture.imap(servers.dovecot().imapPort()), sender.address(), token)
                    .auth(AuthProtocol.OAUTHBEARER)
                    .build()))
        .containsExactly("for " + sender.name());
    Endpoint smtp =
        signedInBy(
                EndpointFixture.smtp(servers.postfix().submissionPort()), sender.address(), token)
            .auth(AuthProtocol.OAUTHBEARER)
            .build();
    Session session = sessions.sessionFor(smtp);
    MimeMessage message =
        new MimeMessage(
            session,
            new ByteArrayInputStream(
                Messages.plainText(
                    sender.address(), recipient.address(), "bearer " + sender.name(), "hello")));
    try (Transport transport = sessions.connectTransport(session, smtp)) {
      transport.sendMessage(message, message.getAllRecipients());
    }

    assertThat(
            servers
                .dovecot()
                .awaitMessageCount(recipient.name(), "INBOX", 2, Duration.ofSeconds(30)))
        .isEqualTo(2);
    assertThat(Files.readString(servers.dovecot().log()))
        .containsPattern("user=<" + sender.name() + ">.*method=OAUTHBEARER");
    assertThat(Files.readString(servers.postfix().log(), StandardCharsets.UTF_8))
        .contains("sasl_method=OAUTHBEARER, sasl_username=" + sender.name());
  }

  @Test
  void aRefusedOAuthBearerTokenIsTokenRefusedAndPop3SaysItTakesOnlyXoauth2() {
    MailUser owner = mailboxWithItsOwnMail();
    Secret othersToken = tokenFor(mailboxWithItsOwnMail());

    for (EndpointFixture fixture :
        List.of(
            EndpointFixture.imap(servers.dovecot().imapPort()),
            EndpointFixture.smtp(servers.postfix().submissionPort()))) {
      Endpoint endpoint =
          signedInBy(fixture, owner.address(), othersToken).auth(AuthProtocol.OAUTHBEARER).build();
      MailServerFailure refused =
          catchThrowableOfType(
              MailServerFailure.class,
              () -> {
                if (endpoint.protocol() == MailProtocol.SMTP) {
                  sessions.connectTransport(endpoint).close();
                } else {
                  subjectsIn(endpoint);
                }
              });
      assertThat(refused).as(endpoint.describe()).isNotNull();
      assertThat(refused.failureCause())
          .as(endpoint.describe())
          .isEqualTo(FailureCause.TOKEN_REFUSED);
      assertThat(refused.getMessage() + refused.technicalDetail())
          .doesNotContain(othersToken.reveal());
    }

    Endpoint pop3 =
        signedInBy(EndpointFixture.pop3(servers.dovecot().pop3Port()), owner.address(), othersToken)
            .auth(AuthProtocol.OAUTHBEARER)
            .build();
    MailServerFailure unsupported =
        catchThrowableOfType(MailServerFailure.class, () -> subjectsIn(pop3));
    assertThat(unsupported).isNotNull();
    assertThat(unsupported.failureCause()).isEqualTo(FailureCause.UNSUPPORTED_AUTHENTICATION);
    assertThat(unsupported.getMessage()).contains("XOAUTH2");
  }
}
