package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.IncomingMailboxes.Box;
import org.syncpost.testing.mail.MailServers;

/**
 * The worst of the hostile-mail corpus (ejb's {@code HostileMail}) over IMAP from a real Dovecot:
 * each becomes a record, its Date is the record's {@code sentOn}, and every stored attachment is
 * downloaded with 200 and a safe file name — never a 500.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class HostileMailIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private static final String HEAD =
      "From: sender@example.org\r\nTo: someone@syncpost.test\r\n"
          + "Date: Tue, 1 Dec 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n";

  private final SyncPostServer server;
  private final Api admin;
  private final IncomingMailboxes mailboxes;

  HostileMailIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
    this.mailboxes = new IncomingMailboxes(admin, servers);
  }

  /** A message whose one attachment has {@code partHeaders}; raw UTF-8 kept as bytes. */
  private static byte[] withAttachment(String subject, String partHeaders) {
    return (HEAD
            + "Subject: "
            + subject
            + "\r\nMessage-ID: <"
            + subject.replace(' ', '-')
            + "@hostile.test>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\n"
            + partHeaders
            + "\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVsbG8=\r\n--b--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theWorstMessagesBecomeRecordsWhoseAttachmentsAllDownload() {
    Box box = mailboxes.enabledMailbox();
    Map<String, byte[]> messages =
        Map.of(
            "overlong type",
            withAttachment(
                "overlong type",
                "Content-Type: application/"
                    + "x".repeat(300)
                    + "\r\nContent-Disposition: attachment; filename=a.bin"),
            "path name",
            withAttachment(
                "path name",
                "Content-Type: text/plain\r\nContent-Disposition: attachment;"
                    + " filename=\"../../etc/passwd\""),
            "raw utf8 name",
            withAttachment(
                "raw utf8 name",
                "Content-Type: application/pdf\r\nContent-Disposition: attachment;"
                    + " filename=\"Prüfbericht 東京.pdf\""),
            "encoded controls",
            withAttachment(
                "encoded controls",
                "Content-Type: application/pdf\r\nContent-Disposition: attachment;"
                    + " filename*=utf-8''..%2F%00a%0D%0ABcc%3A%20x.pdf"),
            "soft breaks",
            (HEAD
                    + "Subject: soft breaks\r\nMessage-ID: <soft@hostile.test>\r\n"
                    + "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable"
                    + "\r\n\r\n"
                    + "=\r\n".repeat(350_000)
                    + "end\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    messages.values().forEach(m -> servers.dovecot().deliver(box.user().name(), m));

    mailboxes.syncUntilDone(box);

    assertThat(mailboxes.quarantine(box)).isEmpty();
    List<JsonObject> records = mailboxes.records(box);
    assertThat(records).hasSize(messages.size());
    for (JsonObject record : records) {
      assertThat(record.getString("sentOn"))
          .as(record.getString("subject"))
          .startsWith("2026-12-01T09:00");
      List<JsonObject> attachments =
          record.getJsonArray("attachments").stream().map(JsonValue::asJsonObject).toList();
      for (int n = 0; n < attachments.size(); n++) {
        Api.Reply download =
            admin.get("emails/" + record.getJsonNumber("id") + "/attachments/" + n);
        assertThat(download.status()).as(record.getString("subject")).isEqualTo(200);
        assertThat(download.header("Content-Disposition"))
            .startsWith("attachment; filename=\"")
            .doesNotContain("/", "%00", "\r", "\n");
      }
    }
    assertThat(records)
        .filteredOn(r -> r.getString("subject").equals("raw utf8 name"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getJsonArray("attachments").getJsonObject(0).getString("name"))
                    .isEqualTo("Prüfbericht 東京.pdf"));
  }

  /**
   * PostgreSQL refuses U+0000 in text columns: run this class with {@code
   * -Dsyncpost.test.database=postgresql} too (docs/testing.md).
   */
  @Test
  void nulCharactersInTextBecomeReplacementCharactersAndTheMessageARecord() {
    Box box = mailboxes.enabledMailbox();
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            ("From: =?utf-8?Q?Eve=00Sender?= <eve@example.org>\r\nTo: someone@syncpost.test\r\n"
                    + "Date: Tue, 1 Dec 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
                    + "Subject: =?utf-8?Q?nul=00subject?=\r\nMessage-ID: <nul@hostile.test>\r\n"
                    + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                    + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\nnul=00body\r\n"
                    + "--b\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\nPHA+bnVsAGh0bWw8L3A+\r\n"
                    + "--b\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Disposition: attachment; filename*=utf-8''nul%00name.bin\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\nAQACAA==\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII));

    mailboxes.syncUntilDone(box);

    assertThat(mailboxes.quarantine(box)).isEmpty();
    JsonObject record = mailboxes.records(box).get(0);
    long id = record.getJsonNumber("id").longValue();
    JsonObject full = admin.get("emails/" + id).json();
    assertThat(
            List.of(
                full.getString("subject"),
                full.getString("from"),
                full.getString("textBody").strip(),
                full.getJsonArray("attachments").getJsonObject(0).getString("name")))
        .containsExactly(
            "nul\uFFFDsubject",
            "\"Eve\uFFFDSender\" <eve@example.org>",
            "nul\uFFFDbody",
            "nulname.bin");
    assertThat(full.getString("htmlBody")).doesNotContain("\0");
    assertThat(admin.download("emails/" + id + "/attachments/0"))
        .as("the attachment's bytes as they came")
        .containsExactly(1, 0, 2, 0);
  }

  @Test
  void soapNamesAHostileAttachmentAsTheRestDownloadDoes() throws Exception {
    Box box = mailboxes.enabledMailbox();
    // path separators, CR/LF with a header after it, control characters, 500 characters in all
    String hostile = "..%2F..%2Fetc%5Cevil%0D%0ABcc%3A%20x%01%07%1B" + "n".repeat(470) + ".pdf";
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            withAttachment(
                "hostile soap name",
                "Content-Type: application/pdf\r\nContent-Disposition: attachment;"
                    + " filename*=utf-8''"
                    + hostile));

    mailboxes.syncUntilDone(box);

    JsonObject record = mailboxes.records(box).get(0);
    long id = record.getJsonNumber("id").longValue();
    String rest = admin.get("emails/" + id + "/attachments/0").header("Content-Disposition");
    String safe = rest.substring(rest.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
    var soap = server.soap("admin", SyncPostServer.ADMIN_PASSWORD).emails();
    String listed = soap.getEmail(id).getAttachments().get(0).getName();
    String downloaded = soap.getAttachment(id, 0).getName();

    assertThat(java.net.URLDecoder.decode(safe, StandardCharsets.UTF_8))
        .as("the REST download's name")
        .isEqualTo(listed)
        .isEqualTo(downloaded);
    assertThat(downloaded)
        .hasSizeLessThanOrEqualTo(200)
        .endsWith(".pdf")
        .doesNotContain("/", "\\", "\r", "\n", "\u0001", "\u0007", "\u001b");
  }
}
