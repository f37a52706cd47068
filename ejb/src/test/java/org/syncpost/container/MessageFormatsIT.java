package org.syncpost.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.container.LoopbackGreenMail.PASSWORD;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.MailServerMailboxes.Servers;
import org.syncpost.incoming.boundary.Incoming;
import org.syncpost.testing.mail.SignedMessages;
import org.syncpost.testing.mail.TnefStreams;

/**
 * Signed, encrypted and TNEF mail (issue 16) through the real engine in the container, with the
 * libraries (BouncyCastle, Apache POI) as deployed: the signature state, signer and encryption are
 * on the records, a winmail.dat's attachments beside it. The test authority is in no trust store of
 * the server, so a correct signature is an unknown signer's there.
 */
@ExtendWith(ArquillianExtension.class)
@Timeout(120)
class MessageFormatsIT {

  @Inject AsAdministrator admin;
  @Inject MailServerMailboxes mailboxes;
  @Inject Incoming incoming;
  @Inject ReceivedRecords records;

  private GreenMail greenMail;

  @BeforeEach
  void startMailServer() {
    greenMail = LoopbackGreenMail.started();
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  private static MimeMessage parsed(String raw) throws Exception {
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
  }

  private GreenMailUser account;
  private long mailboxId;

  private void mailbox() throws Exception {
    account = LoopbackGreenMail.account(greenMail);
    String login = account.getLogin();
    Servers servers = LoopbackGreenMail.imap(greenMail);
    mailboxId = admin.call(() -> mailboxes.userMailbox(servers, login, PASSWORD, "INBOX"));
  }

  @Test
  void aWinmailDatIsRecordedWithTheAttachmentsItCarries() throws Exception {
    mailbox();
    byte[] tnef =
        TnefStreams.withAttachment("figures.csv", "Q1;Q2\r\n".getBytes(StandardCharsets.US_ASCII));
    account.deliver(
        parsed(
            "From: a@example.com\r\nSubject: from Outlook\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n"
                + "--m\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
                + "--m\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(tnef)
                + "\r\n--m--\r\n"));

    admin.call(() -> incoming.syncNow(mailboxId));

    assertThat(admin.call(() -> records.attachments(mailboxId)))
        .containsExactly("from Outlook | winmail.dat, figures.csv");
  }

  @Test
  void signedTamperedAndEncryptedMailAreRecordedWithTheirState() throws Exception {
    mailbox();
    SignedMessages samples = SignedMessages.create();
    String signed = samples.signedBy("alice@example.com", "Please pay invoice 42.");
    account.deliver(parsed(signed.replace("Subject: Signed", "Subject: as signed")));
    account.deliver(
        parsed(
            signed
                .replace("Subject: Signed", "Subject: tampered")
                .replace("invoice 42", "invoice 43")));
    account.deliver(
        parsed(
            "From: carol@example.com\r\nSubject: encrypted\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data;"
                + " name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "MIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n"));

    admin.call(() -> incoming.syncNow(mailboxId));

    assertThat(admin.call(() -> records.protections(mailboxId)))
        .containsExactly(
            "as signed | UNKNOWN_SIGNER | alice@example.com | null",
            "tampered | INVALID | alice@example.com | null",
            "encrypted | null | null | SMIME");
  }
}
