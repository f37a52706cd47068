package org.syncpost.testing.mail;

/**
 * The server certificates of the test CA, one per trust scenario. The test servers present each on
 * its own loopback address (Linux routes all of 127.0.0.0/8 to the loopback interface), so a client
 * chooses the scenario by the address it connects to, on the same ports.
 */
public enum ServerCertificate {
  /** Trusted, current, names {@code localhost} and {@code 127.0.0.1}. */
  VALID("127.0.0.1", "localhost", "DNS:localhost, IP:127.0.0.1"),
  /** Names its address correctly but expired in 2020. */
  EXPIRED("127.0.0.2", "expired.syncpost.test", "IP:127.0.0.2"),
  /** Current and trusted, but names only {@code other.example.org}, not the address served on. */
  WRONG_HOST("127.0.0.3", "other.example.org", "DNS:other.example.org"),
  /** Names its address correctly but is revoked: OCSP answers "revoked", the CRL lists it. */
  REVOKED("127.0.0.4", "revoked.syncpost.test", "IP:127.0.0.4");

  private final String address;
  private final String commonName;
  private final String subjectAlternativeNames;

  ServerCertificate(String address, String commonName, String subjectAlternativeNames) {
    this.address = address;
    this.commonName = commonName;
    this.subjectAlternativeNames = subjectAlternativeNames;
  }

  /** The loopback address on which Dovecot presents this certificate. */
  public String address() {
    return address;
  }

  public String commonName() {
    return commonName;
  }

  String subjectAlternativeNames() {
    return subjectAlternativeNames;
  }

  /** Lower-case name for files and openssl configuration sections. */
  String fileName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
