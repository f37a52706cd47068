package org.syncpost.mailserver.entity;

/**
 * What a server certificate is checked against, beyond the JDK's own trust anchors.
 *
 * @param trustedCertificatesPem extra trust anchors (a profile's private CA bundle), PEM text with
 *     one or more certificates, or {@code null}
 * @param revocationCheck whether and how strictly OCSP / CRL revocation status is required
 */
public record TrustSettings(String trustedCertificatesPem, RevocationCheck revocationCheck) {

  public TrustSettings {
    if (trustedCertificatesPem != null && trustedCertificatesPem.isBlank()) {
      trustedCertificatesPem = null;
    }
    if (revocationCheck == null) {
      revocationCheck = RevocationCheck.DEFAULT;
    }
  }

  /** The JDK's trust anchors only, revocation checked as by default. */
  public static TrustSettings jdkDefaults() {
    return new TrustSettings(null, RevocationCheck.DEFAULT);
  }

  @Override
  public String toString() {
    return "TrustSettings[extra anchors="
        + (trustedCertificatesPem != null)
        + ", revocation="
        + revocationCheck
        + "]";
  }
}
