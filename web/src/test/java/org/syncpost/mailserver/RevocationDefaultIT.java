package org.syncpost.mailserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncpost.mailserver.control.TrustPolicy;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TrustSettings;
import org.syncpost.testing.mail.IssuedCertificate;
import org.syncpost.testing.mail.ServerCertificate;
import org.syncpost.testing.mail.TestCertificates;

/**
 * The revocation check a profile gets when none is chosen (ADR 0018): an in-house CA without OCSP
 * or CRL passes, while a certificate its CA revoked is refused — here with the test CA of {@link
 * TestCertificates}, whose OCSP responder answers "revoked" for {@link ServerCertificate#REVOKED}.
 * The TLS handshake is SyncPost's own trust policy against a server on loopback.
 */
@Timeout(60)
class RevocationDefaultIT {

  private static TestCertificates certificates;

  @BeforeAll
  static void createCa() {
    certificates = TestCertificates.create();
  }

  @AfterAll
  static void removeCa() {
    if (certificates != null) {
      certificates.close();
    }
  }

  @Test
  void trustWithoutAChosenRevocationCheckChecksSoftFail() {
    assertThat(byDefault().revocationCheck()).isEqualTo(RevocationCheck.SOFT_FAIL);
  }

  @Test
  void byDefaultACertificateWithGoodRevocationStatusIsAccepted() throws Exception {
    handshake(ServerCertificate.VALID, byDefault());
  }

  @Test
  void byDefaultARevokedCertificateIsRefused() {
    assertThatThrownBy(() -> handshake(ServerCertificate.REVOKED, byDefault()))
        .satisfies(failure -> assertThat(revoked(failure)).as(failure.toString()).isTrue());
  }

  @Test
  void strictCheckingRefusesTheRevokedCertificateToo() {
    assertThatThrownBy(
            () ->
                handshake(
                    ServerCertificate.REVOKED,
                    new TrustSettings(certificates.caCertificatePem(), RevocationCheck.ON)))
        .satisfies(failure -> assertThat(revoked(failure)).as(failure.toString()).isTrue());
  }

  private static TrustSettings byDefault() {
    return new TrustSettings(certificates.caCertificatePem(), null);
  }

  private static boolean revoked(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException path && path.getReason() == BasicReason.REVOKED) {
        return true;
      }
    }
    return false;
  }

  /** A TLS handshake with a server on loopback presenting {@code which}, trusting as given. */
  private static void handshake(ServerCertificate which, TrustSettings trust) throws Exception {
    SSLContext serverContext = serverContext(certificates.certificate(which));
    try (SSLServerSocket server =
        (SSLServerSocket)
            serverContext
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                  accepted.setSoTimeout(20_000);
                  accepted.startHandshake();
                } catch (IOException refusedByTheClient) {
                  // the client's verdict is what the test reads
                }
              });
      try (SSLSocket client =
          (SSLSocket)
              new TrustPolicy()
                  .socketFactoryFor(trust)
                  .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        client.setSoTimeout(20_000);
        client.startHandshake();
      } finally {
        served.join();
      }
    }
  }

  private static SSLContext serverContext(IssuedCertificate issued) throws Exception {
    Certificate certificate =
        java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(Files.newInputStream(issued.certificate()));
    String pem = Files.readString(issued.privateKey());
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    char[] password = "changeit".toCharArray();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry("server", key, password, new Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
    keys.init(keyStore, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
