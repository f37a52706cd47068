package org.syncpost.email.control;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.syncpost.email.entity.Protection;
import org.syncpost.email.entity.Protection.Encryption;
import org.syncpost.email.entity.Protection.Signature;

/**
 * Recognises how a message is protected (issue 16): an S/MIME signature ({@code multipart/signed;
 * protocol=application/pkcs7-signature}, RFC 8551 §3.5.3) is verified over the signed part's bytes
 * with BouncyCastle and its certificate checked against the trust anchors (the Java runtime's trust
 * store unless given); S/MIME ({@code application/pkcs7-mime; smime-type=enveloped-data}) and
 * OpenPGP ({@code multipart/encrypted; protocol=application/pgp-encrypted}, RFC 3156) encryption is
 * recognised, not opened. Revocation is not checked.
 */
final class MessageProtection {

  private final Set<TrustAnchor> anchors;

  MessageProtection(Set<TrustAnchor> anchors) {
    this.anchors = Set.copyOf(anchors);
  }

  /** Trusting the authorities of the Java runtime's default trust store. */
  static MessageProtection withRuntimeTrust() {
    return new MessageProtection(runtimeAnchors());
  }

  /** The authorities of the Java runtime's default trust store; none when it has none. */
  static Set<TrustAnchor> runtimeAnchors() {
    Set<TrustAnchor> anchors = new HashSet<>();
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (var manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate authority : x509.getAcceptedIssuers()) {
            anchors.add(new TrustAnchor(authority, null));
          }
        }
      }
    } catch (GeneralSecurityException unavailable) {
      // no trust store: every valid signature is by an unknown signer
    }
    return anchors;
  }

  Protection of(Part message) {
    try {
      ContentType type = new ContentType(message.getContentType());
      if (type.match("multipart/signed") && isSmimeSignature(type.getParameter("protocol"))) {
        return signed(message);
      }
      if ((type.match("application/pkcs7-mime") || type.match("application/x-pkcs7-mime"))
          && !"signed-data".equalsIgnoreCase(type.getParameter("smime-type"))
          && !"certs-only".equalsIgnoreCase(type.getParameter("smime-type"))) {
        return new Protection(null, null, Encryption.SMIME);
      }
      if (type.match("multipart/encrypted")
          && "application/pgp-encrypted".equalsIgnoreCase(type.getParameter("protocol"))) {
        return new Protection(null, null, Encryption.OPENPGP);
      }
      return Protection.NONE;
    } catch (MessagingException | RuntimeException unreadable) {
      return Protection.NONE;
    }
  }

  private static boolean isSmimeSignature(String protocol) {
    return protocol != null
        && (protocol.equalsIgnoreCase("application/pkcs7-signature")
            || protocol.equalsIgnoreCase("application/x-pkcs7-signature"));
  }

  private Protection signed(Part message) {
    try {
      if (!(message.getContent() instanceof Multipart parts) || parts.getCount() < 2) {
        return new Protection(Signature.INVALID, null, null);
      }
      return SmimeSignatures.verify(canonical(parts.getBodyPart(0)), parts.getBodyPart(1), anchors);
    } catch (IOException | MessagingException | RuntimeException unreadable) {
      return new Protection(Signature.INVALID, null, null);
    }
  }

  /**
   * The signed part as it was signed: its headers and body as they came, lines ended with CRLF (RFC
   * 8551 §3.1.1 canonical form).
   */
  private static byte[] canonical(BodyPart part) throws IOException, MessagingException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    part.writeTo(new CanonicalLines(bytes));
    return bytes.toByteArray();
  }

  /** Ends every line with CRLF, whether it came with LF or CRLF. */
  private static final class CanonicalLines extends OutputStream {
    private final OutputStream out;
    private int last = -1;

    CanonicalLines(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      if (b == '\n' && last != '\r') {
        out.write('\r');
      }
      out.write(b);
      last = b;
    }
  }
}
