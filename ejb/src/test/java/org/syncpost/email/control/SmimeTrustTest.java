package org.syncpost.email.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncpost.email.entity.Protection.Signature;
import org.syncpost.testing.mail.SignedMessages;

/** The organisation's S/MIME trust store: a PEM file, read again when it changes. */
class SmimeTrustTest {

  private static final SignedMessages SAMPLES = SignedMessages.create();
  private static final String SIGNED = SAMPLES.signedBy("alice@example.com", "Invoice 42.");

  @TempDir Path dataDir;

  private SmimeTrust trust(Optional<String> trustStore) {
    SmimeTrust trust = new SmimeTrust();
    trust.trustStore = trustStore;
    trust.dataDir = dataDir.toString();
    return trust;
  }

  private static Signature signatureOf(SmimeTrust trust) throws Exception {
    return trust
        .protection()
        .of(
            new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(SIGNED.getBytes(StandardCharsets.US_ASCII))))
        .signature();
  }

  private static String pem(X509Certificate... certificates) throws Exception {
    StringBuilder text = new StringBuilder("Our authorities\n");
    for (X509Certificate certificate : certificates) {
      text.append("-----BEGIN CERTIFICATE-----\n")
          .append(
              Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return text.toString();
  }

  @Test
  void anAuthorityAddedToTheDataDirectorysFileIsTrustedWithoutARestart() throws Exception {
    SmimeTrust trust = trust(Optional.empty());
    List<Signature> seen = new ArrayList<>();
    seen.add(signatureOf(trust));

    Files.writeString(
        dataDir.resolve("smime-trust.pem"), pem(SAMPLES.otherAuthority(), SAMPLES.authority()));
    seen.add(signatureOf(trust));
    Files.delete(dataDir.resolve("smime-trust.pem"));
    seen.add(signatureOf(trust));

    assertThat(seen)
        .containsExactly(Signature.UNKNOWN_SIGNER, Signature.VALID, Signature.UNKNOWN_SIGNER);
  }

  @Test
  void theConfiguredFileIsTheOneReadAndAnUnreadableOneTrustsNothingMore() throws Exception {
    Path configured = dataDir.resolve("elsewhere.pem");
    Files.writeString(configured, pem(SAMPLES.authority()));
    SmimeTrust trust = trust(Optional.of(configured.toString()));
    Signature read = signatureOf(trust);

    Files.writeString(configured, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n");
    Signature afterDamage = signatureOf(trust);

    assertThat(List.of(read, afterDamage))
        .containsExactly(Signature.VALID, Signature.UNKNOWN_SIGNER);
  }
}
