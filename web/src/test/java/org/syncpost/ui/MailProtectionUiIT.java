package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.SignedMessages;
import org.syncpost.ui.DovecotMailboxes.Owner;

/**
 * The email page shows what SyncPost made of a received message's protection (issue 16): a
 * signature by an authority of the organisation's S/MIME trust store with its signer, and an
 * encrypted message as one SyncPost cannot read.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(300)
class MailProtectionUiIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final SyncPostServer server;
  private final DovecotMailboxes mailboxes;
  private Browser browser;

  MailProtectionUiIT(SyncPostServer server) {
    this.server = server;
    this.mailboxes = new DovecotMailboxes(server.admin(), servers, false);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aSignedEmailShowsItsSignatureAndSignerAndAnEncryptedOneSaysItCannotBeRead()
      throws Exception {
    SignedMessages samples = SignedMessages.create();
    Path trustStore = server.dataDir().resolve("smime-trust.pem");
    Files.writeString(trustStore, pem(samples.authority()));
    try {
      Owner owner = mailboxes.enabledForIncoming();
      String signer = ProfilesUiIT.unique("signer") + "@partner.test";
      deliver(owner, samples.signedBy(signer, "Please pay invoice 42."));
      deliver(
          owner,
          "From: carol@partner.test\r\nTo: bob@example.org\r\nSubject: Encrypted\r\n"
              + "MIME-Version: 1.0\r\n"
              + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data;"
              + " name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n"
              + "MIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n");
      mailboxes.syncUntilDone(owner);
      List<JsonObject> records =
          server.admin().get("emails?mailboxId=" + owner.mailboxId()).array().stream()
              .map(JsonValue::asJsonObject)
              .toList();
      browser = new Browser(server.httpsBase());
      browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);

      browser.open("admin/email/email.xhtml?id=" + idOf(records, "Signed"));
      browser.awaitText(By.id("email:subject"), "Signed");
      String signature = browser.find(By.id("email:signature")).getText();
      browser.open("admin/email/email.xhtml?id=" + idOf(records, "Encrypted"));
      browser.awaitText(By.id("email:subject"), "Encrypted");
      String encryption = browser.find(By.id("email:encryption")).getText();

      assertThat(signature).isEqualTo("Valid (" + signer + ")");
      assertThat(encryption).isEqualTo("S/MIME: encrypted, not readable by SyncPost");
    } finally {
      Files.deleteIfExists(trustStore);
    }
  }

  private static long idOf(List<JsonObject> records, String subject) {
    return records.stream()
        .filter(r -> r.getString("subject").equals(subject))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record '" + subject + "' in " + records))
        .getJsonNumber("id")
        .longValue();
  }

  private static void deliver(Owner owner, String message) {
    servers.dovecot().deliver(owner.user().name(), message.getBytes(StandardCharsets.US_ASCII));
  }

  private static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
