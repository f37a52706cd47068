package org.syncpost.email.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syncpost.email.entity.Protection;
import org.syncpost.email.entity.Protection.Encryption;
import org.syncpost.email.entity.Protection.Signature;
import org.syncpost.testing.mail.SignedMessages;

/**
 * S/MIME signatures made here by a test certificate authority (valid, tampered, untrusted) and
 * encrypted messages of both kinds, as {@link MessageProtection} reads them.
 */
class MessageProtectionTest {

  private static SignedMessages samples;
  private static X509Certificate authority;
  private static X509Certificate otherAuthority;
  private static String signedMessage;

  @BeforeAll
  static void signAMessageWithATestAuthority() throws Exception {
    samples = SignedMessages.create();
    authority = samples.authority();
    otherAuthority = samples.otherAuthority();
    signedMessage = samples.signedBy("alice@example.com", "Please pay invoice 42 by Friday.");
  }

  private static Protection read(String raw, X509Certificate trusted) throws Exception {
    MimeMessage message =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    return new MessageProtection(Set.of(new TrustAnchor(trusted, null))).of(message);
  }

  @Test
  void aSignatureByACertificateOfATrustedAuthorityIsValidWithItsSigner() throws Exception {
    assertThat(read(signedMessage, authority))
        .isEqualTo(new Protection(Signature.VALID, "alice@example.com", null));
  }

  @Test
  void aSignedMessageWhoseTextWasChangedIsInvalid() throws Exception {
    String tampered = signedMessage.replace("invoice 42", "invoice 43");

    assertThat(read(tampered, authority).signature()).isEqualTo(Signature.INVALID);
  }

  @Test
  void aCorrectSignatureByACertificateNoTrustedAuthorityIssuedIsByAnUnknownSigner()
      throws Exception {
    assertThat(read(signedMessage, otherAuthority))
        .isEqualTo(new Protection(Signature.UNKNOWN_SIGNER, "alice@example.com", null));
  }

  @Test
  void aSignatureOverLfLinesIsCheckedOverTheirCanonicalCrlfForm() throws Exception {
    assertThat(read(signedMessage.replace("\r\n", "\n"), authority).signature())
        .isEqualTo(Signature.VALID);
  }

  @Test
  void encryptedMessagesAreRecognisedNotOpened() throws Exception {
    String smime =
        "From: a@example.com\r\nSubject: secret\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n";
    String openPgp =
        "From: a@example.com\r\nSubject: secret\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";"
            + " boundary=\"b\"\r\n\r\n--b\r\nContent-Type: application/pgp-encrypted\r\n\r\n"
            + "Version: 1\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\n"
            + "-----BEGIN PGP MESSAGE-----\r\nhQEMA\r\n-----END PGP MESSAGE-----\r\n--b--\r\n";

    assertThat(List.of(read(smime, authority), read(openPgp, authority)))
        .containsExactly(
            new Protection(null, null, Encryption.SMIME),
            new Protection(null, null, Encryption.OPENPGP));
  }

  @Test
  void anOrdinaryMessageIsNeitherSignedNorEncrypted() throws Exception {
    assertThat(read("From: a@example.com\r\nSubject: hi\r\n\r\nHello\r\n", authority))
        .isEqualTo(Protection.NONE);
  }

  @Test
  void theParserRecordsTheStateWithTheRuntimesTrust() {
    // the test authority is not in the Java runtime's trust store: a correct signature by it is
    // an unknown signer's
    assertThat(
            new MessageParser()
                .parse(signedMessage.getBytes(StandardCharsets.US_ASCII), 1_000_000)
                .protection()
                .signature())
        .isEqualTo(Signature.UNKNOWN_SIGNER);
  }
}
