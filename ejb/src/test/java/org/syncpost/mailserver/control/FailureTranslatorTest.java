package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.InternetAddress;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;

class FailureTranslatorTest {

  private final FailureTranslator translator = new FailureTranslator();
  private final Endpoint imap =
      EndpointFixture.imap(993).host("imap.example.com").password("hunter2-secret").build();

  private FailureCause causeOf(Throwable thrown) {
    return translator.translate(thrown, imap).failureCause();
  }

  /** What the JDK's TLS stack throws when the trust manager refuses the server's certificate. */
  private static MessagingException handshakeRefusing(Throwable certificateProblem) {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
    handshake.initCause(new CertificateException("validation failed", certificateProblem));
    return new MessagingException("Could not connect to server", handshake);
  }

  @Test
  void anUnknownHostIsHostNotFound() {
    assertThat(
            causeOf(
                new MessagingException(
                    "Couldn't connect", new UnknownHostException("nonexistent.invalid"))))
        .isEqualTo(FailureCause.HOST_NOT_FOUND);
  }

  @Test
  void aRefusedConnectionIsConnectionRefused() {
    assertThat(causeOf(new MessagingException("x", new ConnectException("Connection refused"))))
        .isEqualTo(FailureCause.CONNECTION_REFUSED);
  }

  @Test
  void aReadTimeoutIsTimeout() {
    assertThat(causeOf(new MessagingException("x", new SocketTimeoutException("Read timed out"))))
        .isEqualTo(FailureCause.TIMEOUT);
  }

  @Test
  void aConnectAttemptTheOperatingSystemGaveUpOnIsTimeout() {
    assertThat(causeOf(new MessagingException("x", new ConnectException("Connection timed out"))))
        .isEqualTo(FailureCause.TIMEOUT);
  }

  @Test
  void anExpiredCertificateIsCertificateExpired() {
    assertThat(causeOf(handshakeRefusing(new CertificateExpiredException("NotAfter: ..."))))
        .isEqualTo(FailureCause.CERTIFICATE_EXPIRED);
  }

  @Test
  void aCertificateNotYetValidCountsAsExpired() {
    assertThat(causeOf(handshakeRefusing(new CertificateNotYetValidException("NotBefore: ..."))))
        .isEqualTo(FailureCause.CERTIFICATE_EXPIRED);
  }

  @Test
  void aRevokedCertificateIsCertificateRevoked() {
    assertThat(
            causeOf(
                handshakeRefusing(
                    new CertPathValidatorException(
                        "Certificate has been revoked", null, null, -1, BasicReason.REVOKED))))
        .isEqualTo(FailureCause.CERTIFICATE_REVOKED);
  }

  @Test
  void anUnknownRevocationStatusIsRevocationUnchecked() {
    assertThat(
            causeOf(
                handshakeRefusing(
                    new CertPathValidatorException(
                        "Could not determine revocation status",
                        null,
                        null,
                        -1,
                        BasicReason.UNDETERMINED_REVOCATION_STATUS))))
        .isEqualTo(FailureCause.REVOCATION_UNCHECKED);
  }

  @Test
  void aCertificateNamingNoOcspResponderIsRevocationUnchecked() {
    CertPathValidatorException noResponder =
        new CertPathValidatorException(
            "Certificate does not specify OCSP responder", null, null, -1);
    noResponder.addSuppressed(
        new CertPathValidatorException(
            "Could not determine revocation status",
            null,
            null,
            -1,
            BasicReason.UNDETERMINED_REVOCATION_STATUS));

    assertThat(causeOf(handshakeRefusing(noResponder)))
        .isEqualTo(FailureCause.REVOCATION_UNCHECKED);
  }

  @Test
  void noMatchingSubjectAlternativeNameIsCertificateWrongHost() {
    SSLHandshakeException handshake = new SSLHandshakeException("No name matching");
    handshake.initCause(
        new CertificateException("No subject alternative DNS name matching localhost found."));

    assertThat(causeOf(new MessagingException("x", handshake)))
        .isEqualTo(FailureCause.CERTIFICATE_WRONG_HOST);
  }

  @Test
  void anUnknownIssuerIsCertificateUntrusted() {
    assertThat(
            causeOf(
                handshakeRefusing(
                    new CertPathBuilderException(
                        "unable to find valid certification path to requested target"))))
        .isEqualTo(FailureCause.CERTIFICATE_UNTRUSTED);
  }

  @Test
  void aHandshakeWithoutCertificateProblemIsTlsHandshakeFailed() {
    assertThat(
            causeOf(
                new MessagingException("x", new SSLHandshakeException("No appropriate protocol"))))
        .isEqualTo(FailureCause.TLS_HANDSHAKE_FAILED);
  }

  @Test
  void aConnectionClosedDuringTheHandshakeIsConnectionClosed() {
    // what the JDK throws when the peer closes the connection without a TLS alert
    SSLHandshakeException closed =
        new SSLHandshakeException("Remote host terminated the handshake");
    closed.initCause(new EOFException("SSL peer shut down incorrectly"));

    assertThat(causeOf(new MessagingException("x", closed)))
        .isEqualTo(FailureCause.CONNECTION_CLOSED);
  }

  @Test
  void tlsSpokenToAPlainPortIsTlsHandshakeFailed() {
    assertThat(
            causeOf(
                new MessagingException(
                    "x", new SSLException("Unsupported or unrecognized SSL message"))))
        .isEqualTo(FailureCause.TLS_HANDSHAKE_FAILED);
  }

  @Test
  void aServerWithoutStartTlsWhenItIsRequiredIsTlsHandshakeFailed() {
    assertThat(
            causeOf(
                new MessagingException("STARTTLS is required but host does not support STARTTLS")))
        .isEqualTo(FailureCause.TLS_HANDSHAKE_FAILED);
  }

  @Test
  void refusedCredentialsAreAuthenticationFailed() {
    assertThat(causeOf(new AuthenticationFailedException("[AUTHENTICATIONFAILED] Invalid")))
        .isEqualTo(FailureCause.AUTHENTICATION_FAILED);
  }

  @Test
  void noCommonMechanismIsUnsupportedAuthentication() {
    assertThat(
            causeOf(
                new AuthenticationFailedException(
                    "No authentication mechanisms supported by both server and client")))
        .isEqualTo(FailureCause.UNSUPPORTED_AUTHENTICATION);
  }

  @Test
  void aTemporaryAuthenticationFailureIsServerBusy() {
    assertThat(
            causeOf(
                new AuthenticationFailedException(
                    "[UNAVAILABLE] Temporary authentication failure.")))
        .isEqualTo(FailureCause.SERVER_BUSY);
  }

  @Test
  void tooManyConnectionsIsServerBusyNotConnectionClosed() {
    assertThat(
            causeOf(
                new StoreClosedException(
                    null, "* BYE Maximum number of connections from user+IP exceeded")))
        .isEqualTo(FailureCause.SERVER_BUSY);
  }

  @Test
  void aMissingFolderIsFolderNotFoundAndNamed() {
    MailServerFailure failure =
        translator.translate(new FolderNotFoundException(null, "Archive not found"), imap);

    assertThat(failure.failureCause()).isEqualTo(FailureCause.FOLDER_NOT_FOUND);
  }

  @Test
  void aByeFromTheServerIsConnectionClosed() {
    assertThat(
            causeOf(
                new MessagingException("* BYE server shutting down", new ConnectionException())))
        .isEqualTo(FailureCause.CONNECTION_CLOSED);
  }

  @Test
  void aClosedStoreOrFolderIsConnectionClosed() {
    assertThat(causeOf(new StoreClosedException(null, "store closed")))
        .isEqualTo(FailureCause.CONNECTION_CLOSED);
    assertThat(causeOf(new FolderClosedException(null, "folder closed")))
        .isEqualTo(FailureCause.CONNECTION_CLOSED);
  }

  @Test
  void aResetOrDroppedConnectionIsConnectionClosed() {
    assertThat(causeOf(new MessagingException("x", new SocketException("Connection reset"))))
        .isEqualTo(FailureCause.CONNECTION_CLOSED);
    assertThat(causeOf(new MessagingException("x", new EOFException())))
        .isEqualTo(FailureCause.CONNECTION_CLOSED);
  }

  @Test
  void relayDeniedForTheTestMessageIsRelayRefusedAndNamesTheAddress() throws Exception {
    InternetAddress self = new InternetAddress("alice@example.com");
    SMTPAddressFailedException relay =
        new SMTPAddressFailedException(self, "RCPT TO", 550, "550 5.7.1 Relaying denied");
    SendFailedException sending =
        new SendFailedException(
            "Invalid Addresses", relay, null, null, new InternetAddress[] {self});

    MailServerFailure failure = translator.translate(sending, imap);

    assertThat(failure.failureCause()).isEqualTo(FailureCause.RELAY_REFUSED);
    assertThat(failure.getMessage()).contains("for alice@example.com");
  }

  @Test
  void aTemporarySmtpReplyIsServerBusy() {
    SMTPSendFailedException busy =
        new SMTPSendFailedException(
            "MAIL FROM", 421, "421 4.7.0 Too many sessions", null, null, null, null);

    assertThat(causeOf(busy)).isEqualTo(FailureCause.SERVER_BUSY);
  }

  @Test
  void aGreetingWithAnSmtpErrorCodeIsRead() {
    assertThat(
            causeOf(
                new MessagingException(
                    "Could not connect to SMTP host: smtp.example.com, port: 587, response: 421")))
        .isEqualTo(FailureCause.SERVER_BUSY);
  }

  @Test
  void somethingUnrecognisedIsUnknownAndKeepsItsDetail() {
    MailServerFailure failure =
        translator.translate(new MessagingException("gremlins", new IOException("odd")), imap);

    assertThat(failure.failureCause()).isEqualTo(FailureCause.UNKNOWN);
    assertThat(failure.technicalDetail())
        .isEqualTo("jakarta.mail.MessagingException: gremlins; caused by java.io.IOException: odd");
  }

  @Test
  void theTranslatedFailureNamesTheServerAndNeverThePassword() {
    MailServerFailure failure =
        translator.translate(
            new AuthenticationFailedException("LOGIN alice hunter2-secret rejected"), imap);

    assertThat(failure.endpoint()).isEqualTo("IMAP server imap.example.com:993");
    assertThat(failure.getMessage() + failure.technicalDetail()).doesNotContain("hunter2-secret");
  }

  @Test
  void aFailureAlreadyTranslatedStaysAsItIs() {
    MailServerFailure failure =
        MailServerFailure.of(FailureCause.NO_PROFILE, "mailbox Alice", null, "none");

    assertThat(translator.translate(failure, imap)).isSameAs(failure);
  }

  @Test
  void aRefusedSignInOnBehalfOfAMailboxIsImpersonationRefused() {
    Endpoint actingFor =
        EndpointFixture.imap(993).host("imap.example.com").authorizingAs("user8").build();

    MailServerFailure failure =
        translator.translate(
            new AuthenticationFailedException("[AUTHENTICATIONFAILED] Authentication failed."),
            actingFor);

    assertThat(failure.failureCause()).isEqualTo(FailureCause.IMPERSONATION_REFUSED);
    assertThat(failure.getMessage()).contains("act on behalf of the mailbox user8");
  }

  @Test
  void aServerWithoutSaslPlainCannotBeToldWhomTheSessionIsFor() {
    Endpoint actingFor =
        EndpointFixture.pop3(110).host("pop.example.com").authorizingAs("user8").build();

    assertThat(
            translator
                .translate(
                    new AuthenticationFailedException(
                        "No authentication mechanisms supported by both server and client"),
                    actingFor)
                .failureCause())
        .isEqualTo(FailureCause.IMPERSONATION_REFUSED);
  }
}
