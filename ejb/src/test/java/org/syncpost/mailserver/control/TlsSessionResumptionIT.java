package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncpost.mailserver.control.Certificates.Served;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TrustSettings;

/**
 * A reconnect to a mail server that offers TLS 1.3 session resumption (RFC 8446 §2.2) resumes the
 * session instead of a full handshake (no certificate to check again, no signature to verify: most
 * of a new connection's CPU in ScaleBenchmark), but only under the same trust and for the same host
 * name, and for no longer than a kept connection goes without signing in again.
 *
 * <p>The server is the JDK's (it resumes by session tickets); the client connects as Angus Mail
 * does: a plain socket, then TLS layered on it with the profile's host name and host-name checking
 * on. A resumed session keeps the creation time of the session it resumes.
 */
@Timeout(60)
class TlsSessionResumptionIT {

  private final TrustPolicy trustPolicy = new TrustPolicy();
  private final Served localhost = Certificates.get().selfSignedLocalhost();

  @Test
  void aReconnectUnderTheSameTrustResumesTheSession() throws IOException {
    SSLSocketFactory factory = trustPolicy.socketFactoryFor(trust(RevocationCheck.OFF));
    try (LoopbackServer server = LoopbackServer.tls(localhost.keyStore(), Certificates.PASSWORD)) {
      SSLSession first = signIn(factory, "localhost", server.port());
      SSLSession second = signIn(factory, "localhost", server.port());

      assertThat(second.getProtocol()).isEqualTo("TLSv1.3");
      assertThat(second.getCreationTime()).isEqualTo(first.getCreationTime());
    }
  }

  @Test
  void anotherTrustSettingChecksTheCertificateAnew() throws IOException {
    try (LoopbackServer server = LoopbackServer.tls(localhost.keyStore(), Certificates.PASSWORD)) {
      SSLSession underOne =
          signIn(
              trustPolicy.socketFactoryFor(trust(RevocationCheck.OFF)), "localhost", server.port());
      SSLSession underAnother =
          signIn(
              trustPolicy.socketFactoryFor(trust(RevocationCheck.ON)), "localhost", server.port());

      assertThat(underAnother.getCreationTime()).isNotEqualTo(underOne.getCreationTime());
    }
  }

  @Test
  void aSessionWithAnotherHostIsNotResumedForThisOne() throws IOException {
    Served otherHost = Certificates.get().selfSignedOtherHost();
    SSLSocketFactory factory =
        trustPolicy.socketFactoryFor(new TrustSettings(otherHost.trustPem(), RevocationCheck.OFF));
    try (LoopbackServer server = LoopbackServer.tls(otherHost.keyStore(), Certificates.PASSWORD)) {
      signIn(factory, "mail.example.org", server.port());

      // the same server, under a name its certificate does not bear: checked, and refused
      assertThatExceptionOfType(SSLHandshakeException.class)
          .isThrownBy(() -> signIn(factory, "localhost", server.port()));
    }
  }

  @Test
  void aSessionIsResumableForAsLongAsAKeptConnectionGoesWithoutSigningInAgain() throws IOException {
    try (LoopbackServer server = LoopbackServer.tls(localhost.keyStore(), Certificates.PASSWORD)) {
      SSLSession session =
          signIn(
              trustPolicy.socketFactoryFor(trust(RevocationCheck.OFF)), "localhost", server.port());

      assertThat(Duration.ofSeconds(session.getSessionContext().getSessionTimeout()))
          .isEqualTo(TrustPolicy.RESUMABLE_FOR)
          .isEqualTo(Duration.ofMinutes(30));
    }
  }

  private TrustSettings trust(RevocationCheck revocation) {
    return new TrustSettings(localhost.trustPem(), revocation);
  }

  /**
   * Connects to 127.0.0.1 as {@code host} (as Angus does), reads the greeting — which also takes
   * the server's session ticket — and hangs up.
   */
  private static SSLSession signIn(SSLSocketFactory factory, String host, int port)
      throws IOException {
    Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
    try (SSLSocket socket = (SSLSocket) factory.createSocket(plain, host, port, true)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("LDAPS");
      socket.setSSLParameters(parameters);
      BufferedReader greeting =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(greeting.readLine()).startsWith("* OK");
      return socket.getSession();
    }
  }
}
