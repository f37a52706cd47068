package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TrustSettings;

class TrustPolicyTest {

  private final TrustPolicy policy = new TrustPolicy();

  private static String twoCertificates() throws IOException {
    try (InputStream in =
        TrustPolicyTest.class.getResourceAsStream("/mailserver/two-certificates.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void everyCertificateOfABundleIsReadIgnoringTextAroundThem() throws IOException {
    assertThat(TrustPolicy.certificatesIn(twoCertificates()))
        .extracting(X509Certificate::getSubjectX500Principal)
        .extracting(Object::toString)
        .containsExactly("CN=Fixture one, O=SyncPost tests", "CN=Fixture two, O=SyncPost tests");
  }

  @Test
  void textWithoutCertificatesIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustPolicy.certificatesIn("just some text"))
        .withMessageContaining("BEGIN CERTIFICATE");
  }

  @Test
  void aDamagedCertificateIsRefusedByNumber() throws IOException {
    String damaged = twoCertificates().replaceFirst("MIIBdz", "MIIBdzAAAA");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustPolicy.certificatesIn(damaged))
        .withMessageContaining("certificate 2");
  }

  @Test
  void theSameTrustReusesOneSocketFactory() throws IOException {
    String pem = twoCertificates();

    assertThat(policy.socketFactoryFor(new TrustSettings(pem, RevocationCheck.ON)))
        .isSameAs(policy.socketFactoryFor(new TrustSettings(pem, RevocationCheck.ON)));
  }

  @Test
  void anotherRevocationCheckGetsItsOwnSocketFactory() throws IOException {
    String pem = twoCertificates();

    assertThat(policy.socketFactoryFor(new TrustSettings(pem, RevocationCheck.ON)))
        .isNotSameAs(policy.socketFactoryFor(new TrustSettings(pem, RevocationCheck.OFF)));
  }

  @Test
  void jdkTrustAloneNeedsNoBundle() {
    assertThat(policy.socketFactoryFor(TrustSettings.jdkDefaults())).isNotNull();
  }
}
