package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.mailserver.entity.ConfirmationMessage;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.TestOutcome;
import org.syncpost.mailserver.entity.TlsMode;

/** Connection tests against GreenMail (plain, as "use SSL = no") and misbehaving servers. */
@Timeout(30)
class ConnectionTesterIT {

  private static final String PASSWORD = "correct-horse-battery";

  @RegisterExtension
  final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("alice@localhost", "alice", PASSWORD));

  private final FailureTranslator translator = new FailureTranslator();
  private final ConnectionTester tester =
      new ConnectionTester(
          new MailSessions(new TrustPolicy(), translator),
          new ConnectionLimiter(),
          translator,
          Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

  private int imapPort() {
    return greenMail.getImap().getPort();
  }

  @Test
  void imapTestSignsInAndOpensTheFolders() {
    TestOutcome outcome =
        tester.testIncoming(EndpointFixture.imap(imapPort()).build(), List.of("INBOX"));

    assertThat(outcome.passed()).as(outcome.message() + " " + outcome.technicalDetail()).isTrue();
    assertThat(outcome.message()).contains("opened INBOX");
  }

  @Test
  void pop3TestSignsInAndOpensTheInbox() {
    TestOutcome outcome =
        tester.testIncoming(
            EndpointFixture.pop3(greenMail.getPop3().getPort()).build(), List.of("INBOX"));

    assertThat(outcome.passed()).as(outcome.message() + " " + outcome.technicalDetail()).isTrue();
  }

  @Test
  void smtpTestSendsTheConfirmationFromTheMailboxToItself() throws Exception {
    TestOutcome outcome =
        tester.testOutgoing(
            EndpointFixture.smtp(greenMail.getSmtp().getPort()).build(),
            Optional.of(new ConfirmationMessage("alice@localhost", "Alice")));

    assertThat(outcome.passed()).as(outcome.message() + " " + outcome.technicalDetail()).isTrue();
    assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo(ConfirmationMessage.SUBJECT);
    assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(received.getFrom()[0].toString()).isEqualTo("alice@localhost");
  }

  @Test
  void smtpTestWithoutConfirmationSendsNothing() {
    TestOutcome outcome =
        tester.testOutgoing(
            EndpointFixture.smtp(greenMail.getSmtp().getPort()).build(), Optional.empty());

    assertThat(outcome.passed()).as(outcome.message() + " " + outcome.technicalDetail()).isTrue();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aWrongPasswordIsAuthenticationFailed() {
    TestOutcome outcome =
        tester.testIncoming(
            EndpointFixture.imap(imapPort()).password("wrong-horse-battery").build(),
            List.of("INBOX"));

    assertThat(outcome.cause()).isEqualTo(FailureCause.AUTHENTICATION_FAILED);
    assertThat(outcome.message() + outcome.technicalDetail()).doesNotContain("wrong-horse-battery");
  }

  @Test
  void aWrongPasswordOnSmtpIsAuthenticationFailed() {
    TestOutcome outcome =
        tester.testOutgoing(
            EndpointFixture.smtp(greenMail.getSmtp().getPort())
                .password("wrong-horse-battery")
                .build(),
            Optional.empty());

    assertThat(outcome.cause()).isEqualTo(FailureCause.AUTHENTICATION_FAILED);
  }

  @Test
  void aMissingFolderIsFolderNotFoundAndNamed() {
    TestOutcome outcome =
        tester.testIncoming(
            EndpointFixture.imap(imapPort()).build(), List.of("INBOX", "Archive/2026"));

    assertThat(outcome.cause()).isEqualTo(FailureCause.FOLDER_NOT_FOUND);
    assertThat(outcome.message()).contains("'Archive/2026'");
  }

  @Test
  void aPop3ServerHasNoFolderButTheInbox() {
    TestOutcome outcome =
        tester.testIncoming(
            EndpointFixture.pop3(greenMail.getPop3().getPort()).build(), List.of("Sent"));

    assertThat(outcome.cause()).isEqualTo(FailureCause.FOLDER_NOT_FOUND);
  }

  @Test
  void aPortNobodyListensOnIsConnectionRefused() {
    TestOutcome outcome =
        tester.testIncoming(
            EndpointFixture.imap(LoopbackServer.unusedPort()).build(), List.of("INBOX"));

    assertThat(outcome.cause()).isEqualTo(FailureCause.CONNECTION_REFUSED);
  }

  @Test
  void aHostThatDoesNotExistIsHostNotFound() {
    TestOutcome outcome =
        tester.testIncoming(
            EndpointFixture.imap(993).host("nonexistent.invalid").build(), List.of("INBOX"));

    assertThat(outcome.cause()).isEqualTo(FailureCause.HOST_NOT_FOUND);
    assertThat(outcome.message()).contains("IMAP server nonexistent.invalid:993");
  }

  @Test
  void aServerThatNeverAnswersIsTimeout() {
    try (LoopbackServer silent = LoopbackServer.silent()) {
      TestOutcome outcome =
          tester.testIncoming(
              EndpointFixture.imap(silent.port()).timeoutSeconds(1).build(), List.of("INBOX"));

      assertThat(outcome.cause()).isEqualTo(FailureCause.TIMEOUT);
      assertThat(outcome.cause().isTransient()).isTrue();
    }
  }

  @Test
  void aServerThatHangsUpIsConnectionClosed() {
    try (LoopbackServer hangingUp = LoopbackServer.hangingUp()) {
      TestOutcome outcome =
          tester.testIncoming(EndpointFixture.imap(hangingUp.port()).build(), List.of("INBOX"));

      assertThat(outcome.cause())
          .as(outcome.technicalDetail())
          .isEqualTo(FailureCause.CONNECTION_CLOSED);
    }
  }

  @Test
  void anSmtpServerThatHangsUpIsConnectionClosed() {
    try (LoopbackServer hangingUp = LoopbackServer.hangingUp()) {
      TestOutcome outcome =
          tester.testOutgoing(EndpointFixture.smtp(hangingUp.port()).build(), Optional.empty());

      assertThat(outcome.cause())
          .as(outcome.technicalDetail())
          .isEqualTo(FailureCause.CONNECTION_CLOSED);
    }
  }

  @Test
  void implicitTlsToAPlainPortIsTlsHandshakeFailed() {
    TestOutcome outcome =
        tester.testIncoming(
            EndpointFixture.imap(imapPort()).tls(TlsMode.IMPLICIT).build(), List.of("INBOX"));

    assertThat(outcome.cause())
        .as(outcome.technicalDetail())
        .isEqualTo(FailureCause.TLS_HANDSHAKE_FAILED);
  }

  @Test
  void requiredStartTlsOnAServerWithoutItIsTlsHandshakeFailed() {
    TestOutcome outcome =
        tester.testIncoming(
            EndpointFixture.imap(imapPort()).tls(TlsMode.STARTTLS_REQUIRED).build(),
            List.of("INBOX"));

    assertThat(outcome.cause())
        .as(outcome.technicalDetail())
        .isEqualTo(FailureCause.TLS_HANDSHAKE_FAILED);
    assertThat(outcome.message()).contains("does not offer STARTTLS");
  }

  @Test
  void requiredStartTlsOnAnSmtpServerWithoutItIsTlsHandshakeFailed() {
    TestOutcome outcome =
        tester.testOutgoing(
            EndpointFixture.smtp(greenMail.getSmtp().getPort())
                .tls(TlsMode.STARTTLS_REQUIRED)
                .build(),
            Optional.empty());

    assertThat(outcome.cause())
        .as(outcome.technicalDetail())
        .isEqualTo(FailureCause.TLS_HANDSHAKE_FAILED);
  }

  @Test
  void theConnectionIsReturnedToItsBudgetAfterTheTest() {
    ConnectionLimiter limiter = new ConnectionLimiter();
    ConnectionTester counted =
        new ConnectionTester(
            new MailSessions(new TrustPolicy(), translator),
            limiter,
            translator,
            Clock.systemUTC());

    counted.testIncoming(
        EndpointFixture.imap(imapPort()).key("mailbox-9-incoming").build(), List.of("INBOX"));

    assertThat(limiter.inUse("mailbox-9-incoming")).isZero();
  }
}
