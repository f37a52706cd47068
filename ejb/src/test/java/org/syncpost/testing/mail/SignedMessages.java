package org.syncpost.testing.mail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * S/MIME signed messages (RFC 8551 {@code multipart/signed}, detached CMS signature) made by a
 * throw-away certificate authority in memory with BouncyCastle, and a second authority that issued
 * none of them.
 */
public final class SignedMessages {

  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final KeyPairGenerator rsa;
  private final KeyPair authorityKeys;
  private final X509Certificate authority;
  private final X509Certificate otherAuthority;

  private SignedMessages() throws Exception {
    rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    authorityKeys = rsa.generateKeyPair();
    authority = certificate("CN=Test CA", authorityKeys.getPublic(), "CN=Test CA", true);
    KeyPair other = rsa.generateKeyPair();
    otherAuthority = certificate("CN=Other CA", other.getPublic(), "CN=Other CA", true);
  }

  public static SignedMessages create() {
    try {
      return new SignedMessages();
    } catch (Exception e) {
      throw new IllegalStateException("making a test certificate authority failed", e);
    }
  }

  public X509Certificate authority() {
    return authority;
  }

  /** An authority that signed nothing here. */
  public X509Certificate otherAuthority() {
    return otherAuthority;
  }

  /**
   * A message from {@code signer} whose text is {@code text}, signed with a certificate for {@code
   * signer} that the authority issued; lines end with CRLF.
   */
  public String signedBy(String signer, String text) {
    try {
      KeyPair keys = rsa.generateKeyPair();
      X509Certificate certificate =
          certificate("CN=Signer,E=" + signer, keys.getPublic(), "CN=Test CA", false);
      String part = "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + text;
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(
                  new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()),
                  certificate));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      byte[] signature =
          generator
              .generate(
                  new CMSProcessableByteArray(part.getBytes(StandardCharsets.US_ASCII)), false)
              .getEncoded();
      return "From: "
          + signer
          + "\r\nTo: bob@example.org\r\nSubject: Signed\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
          + " micalg=sha-256; boundary=\"sig\"\r\n\r\n--sig\r\n"
          + part
          // the CRLF before a boundary belongs to the boundary (RFC 2046 §5.1.1)
          + "\r\n--sig\r\n"
          + "Content-Type: application/pkcs7-signature; name=smime.p7s\r\n"
          + "Content-Transfer-Encoding: base64\r\n\r\n"
          + Base64.getMimeEncoder().encodeToString(signature)
          + "\r\n--sig--\r\n";
    } catch (Exception e) {
      throw new IllegalStateException("signing a test message failed", e);
    }
  }

  private X509Certificate certificate(
      String subject, java.security.PublicKey key, String issuer, boolean isAuthority)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(SERIALS.incrementAndGet()),
            Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(now.plus(30, ChronoUnit.DAYS)),
            new X500Name(subject),
            key);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isAuthority));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(
            isAuthority
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(authorityKeys.getPrivate())));
  }
}
