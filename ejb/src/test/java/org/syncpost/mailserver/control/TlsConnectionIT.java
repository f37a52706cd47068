package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.mailserver.control.Certificates.Served;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TestOutcome;
import org.syncpost.mailserver.entity.TlsMode;
import org.syncpost.mailserver.entity.TrustSettings;

/**
 * TLS against GreenMail's implicit-TLS servers (IMAPS, POP3S, SMTPS) and against TLS servers with
 * certificates that must be refused.
 *
 * <p>GreenMail presents the key store named by the system property {@code
 * greenmail.tls.keystore.file}, read once per JVM on first use; its built-in certificate is made
 * out to "GreenMail selfsigned Test Certificate" with no host name, so no client that checks host
 * names can accept it. This class points it at a certificate for localhost issued by a test CA
 * before any GreenMail TLS server starts; no other test uses GreenMail over TLS.
 */
@Timeout(60)
class TlsConnectionIT {

  private static final Served GREENMAIL_CERTIFICATE = Certificates.get().localhostIssuedByCa();

  static {
    System.setProperty("greenmail.tls.keystore.file", GREENMAIL_CERTIFICATE.keyStore().toString());
    System.setProperty("greenmail.tls.keystore.password", Certificates.PASSWORD);
    System.setProperty("greenmail.tls.key.password", Certificates.PASSWORD);
  }

  @RegisterExtension
  final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTPS_POP3S_IMAPS))
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("alice@localhost", "alice", "correct-horse-battery"));

  private final FailureTranslator translator = new FailureTranslator();
  private final TrustPolicy trustPolicy = new TrustPolicy();
  private final ConnectionTester tester =
      new ConnectionTester(
          new MailSessions(trustPolicy, translator),
          new ConnectionLimiter(),
          translator,
          Clock.systemUTC());

  /** Implicit TLS to localhost, trusting the test CA, revocation off (the CA publishes none). */
  private static EndpointFixture overTls(EndpointFixture endpoint) {
    return endpoint
        .host("localhost")
        .tls(TlsMode.IMPLICIT)
        .trusting(GREENMAIL_CERTIFICATE.trustPem())
        .revocation(RevocationCheck.OFF);
  }

  private static void assertPassed(TestOutcome outcome) {
    assertThat(outcome.passed()).as(outcome.message() + " " + outcome.technicalDetail()).isTrue();
  }

  @Test
  void imapsPassesWhenTheProfileTrustsTheServersCa() {
    assertPassed(
        tester.testIncoming(
            overTls(EndpointFixture.imap(greenMail.getImaps().getPort())).build(),
            List.of("INBOX")));
  }

  @Test
  void pop3sPassesWhenTheProfileTrustsTheServersCa() {
    assertPassed(
        tester.testIncoming(
            overTls(EndpointFixture.pop3(greenMail.getPop3s().getPort())).build(),
            List.of("INBOX")));
  }

  @Test
  void smtpsPassesWhenTheProfileTrustsTheServersCa() {
    assertPassed(
        tester.testOutgoing(
            overTls(EndpointFixture.smtp(greenMail.getSmtps().getPort())).build(),
            Optional.empty()));
  }

  @Test
  void aCaTheProfileDoesNotTrustIsCertificateUntrusted() {
    TestOutcome outcome =
        tester.testIncoming(
            overTls(EndpointFixture.imap(greenMail.getImaps().getPort())).trusting(null).build(),
            List.of("INBOX"));

    assertThat(outcome.cause())
        .as(outcome.technicalDetail())
        .isEqualTo(FailureCause.CERTIFICATE_UNTRUSTED);
  }

  @Test
  void strictRevocationWithoutAnyRevocationSourceIsRevocationUnchecked() {
    TestOutcome outcome =
        tester.testIncoming(
            overTls(EndpointFixture.imap(greenMail.getImaps().getPort()))
                .revocation(RevocationCheck.ON)
                .build(),
            List.of("INBOX"));

    assertThat(outcome.cause())
        .as(outcome.technicalDetail())
        .isEqualTo(FailureCause.REVOCATION_UNCHECKED);
  }

  @Test
  void softFailAcceptsACertificateWithoutAnyRevocationSource() {
    assertPassed(
        tester.testIncoming(
            overTls(EndpointFixture.imap(greenMail.getImaps().getPort()))
                .revocation(RevocationCheck.SOFT_FAIL)
                .build(),
            List.of("INBOX")));
  }

  @Test
  void theDefaultRevocationCheckAcceptsAnInHouseCaWithoutAnyRevocationSource() {
    assertPassed(
        tester.testIncoming(
            overTls(EndpointFixture.imap(greenMail.getImaps().getPort())).revocation(null).build(),
            List.of("INBOX")));
  }

  @Test
  void softFailStillRefusesACertificateItDoesNotTrust() {
    TestOutcome outcome =
        tester.testIncoming(
            overTls(EndpointFixture.imap(greenMail.getImaps().getPort()))
                .trusting(null)
                .revocation(RevocationCheck.SOFT_FAIL)
                .build(),
            List.of("INBOX"));

    assertThat(outcome.cause())
        .as(outcome.technicalDetail())
        .isEqualTo(FailureCause.CERTIFICATE_UNTRUSTED);
  }

  @Test
  void softFailStillRefusesAnExpiredCertificate() {
    Served expired = Certificates.get().expiredIssuedByCa();
    try (LoopbackServer server = LoopbackServer.tls(expired.keyStore(), Certificates.PASSWORD)) {
      TestOutcome outcome =
          tester.testIncoming(
              overTls(EndpointFixture.imap(server.port()))
                  .trusting(expired.trustPem())
                  .revocation(RevocationCheck.SOFT_FAIL)
                  .build(),
              List.of("INBOX"));

      assertThat(outcome.cause())
          .as(outcome.technicalDetail())
          .isEqualTo(FailureCause.CERTIFICATE_EXPIRED);
    }
  }

  @Test
  void aCertificateForAnotherHostIsCertificateWrongHostEvenWhenTrusted() {
    Served otherHost = Certificates.get().selfSignedOtherHost();
    try (LoopbackServer server = LoopbackServer.tls(otherHost.keyStore(), Certificates.PASSWORD)) {
      TestOutcome outcome =
          tester.testIncoming(
              overTls(EndpointFixture.imap(server.port())).trusting(otherHost.trustPem()).build(),
              List.of("INBOX"));

      assertThat(outcome.cause())
          .as(outcome.technicalDetail())
          .isEqualTo(FailureCause.CERTIFICATE_WRONG_HOST);
    }
  }

  @Test
  void anExpiredCertificateIsCertificateExpired() {
    Served expired = Certificates.get().expiredIssuedByCa();
    try (LoopbackServer server = LoopbackServer.tls(expired.keyStore(), Certificates.PASSWORD)) {
      TestOutcome outcome =
          tester.testIncoming(
              overTls(EndpointFixture.imap(server.port()))
                  .trusting(expired.trustPem())
                  .revocation(RevocationCheck.ON)
                  .build(),
              List.of("INBOX"));

      assertThat(outcome.cause())
          .as(outcome.technicalDetail())
          .isEqualTo(FailureCause.CERTIFICATE_EXPIRED);
    }
  }

  @Test
  void aSelfSignedCertificateWithoutTheProfilesTrustIsCertificateUntrusted() {
    Served selfSigned = Certificates.get().selfSignedLocalhost();
    try (LoopbackServer server = LoopbackServer.tls(selfSigned.keyStore(), Certificates.PASSWORD)) {
      TestOutcome outcome =
          tester.testIncoming(
              overTls(EndpointFixture.imap(server.port())).trusting(null).build(),
              List.of("INBOX"));

      assertThat(outcome.cause())
          .as(outcome.technicalDetail())
          .isEqualTo(FailureCause.CERTIFICATE_UNTRUSTED);
    }
  }

  @Test
  void aSelfSignedCertificatePastedIntoTheProfileIsTrustedEvenWithStrictRevocation()
      throws Exception {
    Served selfSigned = Certificates.get().selfSignedLocalhost();
    try (LoopbackServer server = LoopbackServer.tls(selfSigned.keyStore(), Certificates.PASSWORD);
        SSLSocket socket =
            (SSLSocket)
                trustPolicy
                    .socketFactoryFor(new TrustSettings(selfSigned.trustPem(), RevocationCheck.ON))
                    .createSocket("localhost", server.port())) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("LDAPS");
      socket.setSSLParameters(parameters);

      socket.startHandshake();

      assertThat(socket.getSession().getPeerPrincipal().getName()).isEqualTo("CN=localhost");
    }
  }
}
