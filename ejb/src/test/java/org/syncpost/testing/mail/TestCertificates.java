package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority made with the {@code openssl} CLI in a temporary directory,
 * with one server certificate per {@link ServerCertificate} scenario, an OCSP responder and a CRL
 * distribution point, both on 127.0.0.1 and named in every certificate it issues (AIA and CDP).
 * {@link #close()} stops both servers and deletes the directory.
 *
 * <p>Keys are EC P-256: generating them takes milliseconds, where RSA would take most of a second.
 * Validity periods are fixed dates, so no certificate depends on when the test runs.
 */
public final class TestCertificates implements AutoCloseable {

  private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(20);
  private static final String CA_NAME = "SyncPost Test CA";
  private static final String CA_START = "20200101000000Z";
  private static final String VALID_START = "20200101000000Z";
  // before 2050, so the dates stay UTCTime like those of most certificates (RFC 5280 4.1.2.5)
  private static final String VALID_END = "20491231235959Z";
  private static final String EXPIRED_END = "20200201000000Z";
  private static final String CA = "ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key";

  private final Path directory;
  private final OcspResponder ocsp;
  private final CrlDistributionPoint crl;

  private TestCertificates(Path directory, OcspResponder ocsp, CrlDistributionPoint crl) {
    this.directory = directory;
    this.ocsp = ocsp;
    this.crl = crl;
  }

  /**
   * Creates the CA and its certificates, revokes {@link ServerCertificate#REVOKED}, starts OCSP and
   * CRL serving.
   */
  public static TestCertificates create() {
    Path directory = TemporaryDirectories.create("syncpost-ca");
    StartedServers started = new StartedServers();
    started.add(() -> TemporaryDirectories.delete(directory));
    try {
      CrlDistributionPoint crl =
          started.add(
              CrlDistributionPoint.start(directory.resolve(CrlDistributionPoint.FILE_NAME)));
      OcspResponder ocsp = started.add(OcspResponder.start(directory));
      TestCertificates certificates = new TestCertificates(directory, ocsp, crl);
      certificates.issueAll();
      return certificates;
    } catch (RuntimeException e) {
      throw started.closeAfter(e);
    }
  }

  /** The CA certificate (PEM) to trust. */
  public Path caCertificate() {
    return directory.resolve("ca.crt");
  }

  public String caCertificatePem() {
    try {
      return Files.readString(caCertificate(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public X509Certificate caX509Certificate() {
    return read(caCertificate());
  }

  public IssuedCertificate certificate(ServerCertificate which) {
    return new IssuedCertificate(
        directory.resolve(which.fileName() + ".crt"), directory.resolve(which.fileName() + ".key"));
  }

  public X509Certificate x509Certificate(ServerCertificate which) {
    return read(certificate(which).certificate());
  }

  public URI ocspUrl() {
    return ocsp.url();
  }

  public URI crlUrl() {
    return crl.url();
  }

  /** A PKCS#12 trust store holding only the test CA. */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("syncpost-test-ca", caX509Certificate());
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not build a trust store for the test CA", e);
    }
  }

  /** TLS trusting the test CA and nothing else, with the JDK's standard certificate checks. */
  public SSLContext sslContext() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not build TLS trusting the test CA", e);
    }
  }

  public SSLSocketFactory socketFactory() {
    return sslContext().getSocketFactory();
  }

  @Override
  public void close() {
    StartedServers started = new StartedServers();
    started.add(() -> TemporaryDirectories.delete(directory));
    started.add(crl);
    started.add(ocsp);
    started.close();
  }

  private void issueAll() {
    write("index.txt", "");
    write("serial", "1000\n");
    write("crlnumber", "1000\n");
    write("ca.cnf", configuration());
    newKeyAndRequest("ca", "/O=SyncPost tests/CN=" + CA_NAME);
    openssl(
        "ca -batch -config ca.cnf -selfsign -keyfile ca.key -in ca.csr -out ca.crt -notext"
            + " -extensions ca_extensions -startdate "
            + CA_START
            + " -enddate "
            + VALID_END);
    for (ServerCertificate which : ServerCertificate.values()) {
      String name = which.fileName();
      String end = which == ServerCertificate.EXPIRED ? EXPIRED_END : VALID_END;
      newKeyAndRequest(name, "/O=SyncPost tests/CN=" + which.commonName());
      openssl(
          CA
              + " -in "
              + name
              + ".csr -out "
              + name
              + ".crt -notext -extensions "
              + name
              + " -startdate "
              + VALID_START
              + " -enddate "
              + end);
    }
    String revoked = ServerCertificate.REVOKED.fileName() + ".crt";
    openssl(CA + " -revoke " + revoked + " -crl_reason keyCompromise");
    openssl(CA + " -gencrl -out ca.crl.pem");
    // CRLs fetched from a distribution point are DER (RFC 5280 section 4.2.1.13)
    openssl("crl -in ca.crl.pem -outform DER -out " + CrlDistributionPoint.FILE_NAME);
  }

  private void newKeyAndRequest(String name, String subject) {
    openssl(
        "req -new -config ca.cnf -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "
            + name
            + ".key -out "
            + name
            + ".csr",
        "-subj",
        subject);
  }

  private String configuration() {
    StringBuilder config =
        new StringBuilder(
            """
            [ ca ]
            default_ca = test_ca

            [ test_ca ]
            dir = .
            database = index.txt
            serial = serial
            crlnumber = crlnumber
            new_certs_dir = .
            default_md = sha256
            policy = any_subject
            unique_subject = no
            copy_extensions = none
            default_crl_days = 3650

            [ any_subject ]
            organizationName = optional
            commonName = supplied

            [ req ]
            distinguished_name = requested_name
            prompt = no

            [ requested_name ]
            CN = replaced by -subj

            [ ca_extensions ]
            basicConstraints = critical, CA:true
            keyUsage = critical, keyCertSign, cRLSign, digitalSignature
            subjectKeyIdentifier = hash
            """);
    for (ServerCertificate which : ServerCertificate.values()) {
      config
          .append("\n[ ")
          .append(which.fileName())
          .append(" ]\n")
          .append("basicConstraints = critical, CA:false\n")
          .append("keyUsage = critical, digitalSignature, keyEncipherment\n")
          .append("extendedKeyUsage = serverAuth\n")
          .append("subjectKeyIdentifier = hash\n")
          .append("authorityKeyIdentifier = keyid\n")
          .append("subjectAltName = ")
          .append(which.subjectAlternativeNames())
          .append('\n')
          .append("authorityInfoAccess = OCSP;URI:")
          .append(ocsp.url())
          .append('\n')
          .append("crlDistributionPoints = URI:")
          .append(crl.url())
          .append('\n');
    }
    return config.toString();
  }

  /**
   * Runs {@code openssl} with the space-separated {@code arguments}, then {@code verbatim} ones
   * (which may contain spaces), in the CA's directory.
   */
  private void openssl(String arguments, String... verbatim) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(arguments.split(" ")));
    command.addAll(List.of(verbatim));
    ExternalCommand.run(OPENSSL_TIMEOUT, directory, command);
  }

  private void write(String file, String content) {
    try {
      Files.writeString(directory.resolve(file), content, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X509Certificate read(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not read " + pem, e);
    }
  }
}
