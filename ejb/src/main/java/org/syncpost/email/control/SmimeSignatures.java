package org.syncpost.email.control;

import jakarta.mail.Part;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;
import org.syncpost.email.entity.Protection;
import org.syncpost.email.entity.Protection.Signature;

/**
 * Verifies a detached S/MIME signature (CMS SignedData, RFC 5652) over the signed part's canonical
 * bytes with BouncyCastle, using the Java runtime's own signature providers (BouncyCastle is not
 * registered as a provider), then checks the signer's certificate path against the trust anchors.
 * Kept apart from {@link MessageProtection} so that only signed mail loads BouncyCastle.
 */
final class SmimeSignatures {

  /** A signature larger than this is not one a mail client made. */
  private static final int MAX_SIGNATURE_BYTES = 1024 * 1024;

  private static final int MAX_SIGNER = 1000;

  private SmimeSignatures() {}

  static Protection verify(byte[] content, Part signaturePart, Set<TrustAnchor> anchors) {
    String who = null;
    try {
      byte[] signature;
      try (InputStream in = signaturePart.getInputStream()) {
        signature = in.readNBytes(MAX_SIGNATURE_BYTES);
      }
      CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.isEmpty()) {
        return new Protection(Signature.INVALID, null, null);
      }
      SignerInformation signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Selector<X509CertificateHolder> bySigner =
          (Selector<X509CertificateHolder>) (Selector<?>) signer.getSID();
      Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(bySigner);
      if (matches.isEmpty()) {
        return new Protection(Signature.INVALID, null, null);
      }
      X509CertificateHolder holder = matches.iterator().next();
      who = signerOf(holder);
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      X509Certificate certificate = converter.getCertificate(holder);
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
        return new Protection(Signature.INVALID, who, null);
      }
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(certificate);
      for (X509CertificateHolder other : signed.getCertificates().getMatches(null)) {
        if (!other.equals(holder)) {
          chain.add(converter.getCertificate(other));
        }
      }
      return new Protection(
          isTrusted(chain, anchors) ? Signature.VALID : Signature.UNKNOWN_SIGNER, who, null);
    } catch (Exception broken) {
      // a changed content (digest mismatch) or an unreadable signature: no guarantee of who wrote
      // it
      return new Protection(Signature.INVALID, who, null);
    }
  }

  private static boolean isTrusted(List<X509Certificate> chain, Set<TrustAnchor> anchors) {
    if (anchors.isEmpty()) {
      return false;
    }
    try {
      PKIXParameters parameters = new PKIXParameters(anchors);
      // revocation lists and OCSP would mean network calls from ingestion: not checked (documented)
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX")
          .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
      return true;
    } catch (GeneralSecurityException untrusted) {
      return false;
    }
  }

  /** The signer's email address from the certificate's subject, else the whole subject. */
  private static String signerOf(X509CertificateHolder certificate) {
    var emails = certificate.getSubject().getRDNs(BCStyle.EmailAddress);
    String who =
        emails.length > 0
            ? IETFUtils.valueToString(emails[0].getFirst().getValue())
            : certificate.getSubject().toString();
    return MessageParser.clamp(who, MAX_SIGNER);
  }
}
