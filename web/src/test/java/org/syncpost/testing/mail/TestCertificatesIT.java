package org.syncpost.testing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TestCertificatesIT {

  private static TestCertificates certificates;

  @BeforeAll
  static void createCa() {
    certificates = TestCertificates.create();
  }

  @AfterAll
  static void closeCa() {
    if (certificates != null) {
      certificates.close();
    }
  }

  @Test
  void opensslOcspClientHearsRevokedForTheRevokedCertificateAndGoodForTheValidOne() {
    String ca = certificates.caCertificate().toString();
    String revoked = certificates.certificate(ServerCertificate.REVOKED).certificate().toString();
    String valid = certificates.certificate(ServerCertificate.VALID).certificate().toString();

    String answer =
        openssl(
            "ocsp",
            "-issuer",
            ca,
            "-CAfile",
            ca,
            "-url",
            certificates.ocspUrl().toString(),
            "-cert",
            revoked,
            "-cert",
            valid);

    assertThat(answer.lines().filter(line -> line.matches(".*\\.crt: \\w+")).toList())
        .containsExactly(revoked + ": revoked", valid + ": good");
  }

  @Test
  void opensslVerifyDownloadsTheCrlFromTheDistributionPointAndFindsTheRevokedCertificate() {
    String ca = certificates.caCertificate().toString();
    String revoked = certificates.certificate(ServerCertificate.REVOKED).certificate().toString();

    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> openssl("verify", "-CAfile", ca, "-crl_check", "-crl_download", revoked));

    assertThat(refused)
        .hasMessageContaining(revoked + ": verification failed")
        .hasMessageContaining("certificate revoked");
  }

  @Test
  void javaOcspRevocationCheckAcceptsOnlyTheValidCertificate() {
    Map<ServerCertificate, String> verdicts = new LinkedHashMap<>();
    for (ServerCertificate which : List.of(ServerCertificate.VALID, ServerCertificate.REVOKED)) {
      verdicts.put(which, javaVerdictWithOcspOnly(which));
    }

    assertThat(verdicts)
        .containsExactly(
            Map.entry(ServerCertificate.VALID, "trusted"),
            Map.entry(ServerCertificate.REVOKED, "REVOKED"));
  }

  /** What the JDK's PKIX validator says, asking the OCSP responder named in the certificate. */
  private static String javaVerdictWithOcspOnly(ServerCertificate which) {
    try {
      CertPathValidator validator = CertPathValidator.getInstance("PKIX");
      PKIXRevocationChecker ocspOnly = (PKIXRevocationChecker) validator.getRevocationChecker();
      ocspOnly.setOptions(
          EnumSet.of(
              PKIXRevocationChecker.Option.ONLY_END_ENTITY,
              PKIXRevocationChecker.Option.NO_FALLBACK));
      PKIXParameters parameters =
          new PKIXParameters(Set.of(new TrustAnchor(certificates.caX509Certificate(), null)));
      parameters.addCertPathChecker(ocspOnly);
      CertPath path =
          CertificateFactory.getInstance("X.509")
              .generateCertPath(List.of(certificates.x509Certificate(which)));
      validator.validate(path, parameters);
      return "trusted";
    } catch (CertPathValidatorException e) {
      return String.valueOf(e.getReason());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String openssl(String... arguments) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    return ExternalCommand.run(
        Duration.ofSeconds(20), certificates.caCertificate().getParent(), command);
  }
}
