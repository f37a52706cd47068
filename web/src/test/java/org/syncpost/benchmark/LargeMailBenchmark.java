package org.syncpost.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api;
import org.syncpost.system.IncomingMailbox;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * One message of about 100 MB (three 24 MB attachments and a text) ingested by SyncPost running
 * with a 256 MB heap; the record's attachments must come back byte for byte:
 *
 * <pre>./mvnw -B verify -pl web -am -Pbenchmark -Dbenchmark=LargeMailBenchmark</pre>
 */
class LargeMailBenchmark {

  private static final int ATTACHMENTS = 3;
  private static final int ATTACHMENT_BYTES = 24 * 1024 * 1024;
  private static final String HEAP = "-Xmx256m";

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  @RegisterExtension
  static final OwnSyncPost own =
      new OwnSyncPost(Map.of("JAVA_OPTS", HEAP, "SYNCPOST_INCOMING_TICK_SECONDS", "1"));

  @Test
  void aHundredMegabyteMessageIsIngestedInASmallHeap() throws Exception {
    Api admin = own.server().admin();
    Api.Reply settings =
        admin.patch(
            "settings",
            Json.createObjectBuilder()
                .add("maxAttachmentSizeKb", 100 * 1024)
                .add("maxIncomingMessageSizeMb", 150)
                .build()
                .toString());
    assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
    MailUser user = servers.dovecot().addUser("large-" + UUID.randomUUID(), "secret");
    List<String> digests = new ArrayList<>();
    byte[] message = largeMessage(user.address(), digests);
    servers.dovecot().seedInbox(user.name(), List.of(message).iterator());

    long start = System.nanoTime();
    IncomingMailbox box =
        IncomingMailbox.on(admin, servers.dovecot(), servers.certificates()).create(user);
    boolean recorded = IncomingMailbox.await(() -> box.recordCount() == 1, Duration.ofMinutes(20));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    List<String> stored = new ArrayList<>();
    if (recorded) {
      JsonObject record = admin.get("emails?mailboxId=" + box.id()).array().get(0).asJsonObject();
      long id = record.getJsonNumber("id").longValue();
      List<JsonObject> attachments =
          record.getJsonArray("attachments").stream().map(JsonValue::asJsonObject).toList();
      for (int n = 0; n < attachments.size(); n++) {
        stored.add(sha256(admin.download("emails/" + id + "/attachments/" + n)));
      }
    }
    String log = Files.readString(own.server().dataDir().resolve("logs/server.log"));
    boolean outOfMemory = log.contains("OutOfMemoryError");
    System.out.printf(
        """

        ==== LargeMailBenchmark ==================================================
        message                %,.1f MB (%d attachments of %,d MB, base64)
        SyncPost heap          %s
        enable -> record       %,.1f s   %s
        attachments            %d stored, %s
        OutOfMemoryError       %s
        =========================================================================
        %n""",
        message.length / 1024.0 / 1024.0,
        ATTACHMENTS,
        ATTACHMENT_BYTES / 1024 / 1024,
        HEAP,
        took.toNanos() / 1e9,
        recorded ? "SUCCESS" : "FAILED (no record)",
        stored.size(),
        stored.equals(digests) ? "all byte for byte as sent" : "DIFFERENT from what was sent",
        outOfMemory ? "yes (see server.log)" : "none");
    assertThat(recorded).as("the record was made").isTrue();
    assertThat(stored).as("SHA-256 of each attachment").isEqualTo(digests);
    assertThat(outOfMemory).isFalse();
  }

  /** A text part and {@value #ATTACHMENTS} random binary attachments; their SHA-256 in order. */
  private static byte[] largeMessage(String to, List<String> digests) throws Exception {
    Random random = new Random(7);
    ByteArrayOutputStream out = new ByteArrayOutputStream(110 * 1024 * 1024);
    String boundary = "large-" + UUID.randomUUID();
    out.writeBytes(
        ("From: Archive <archive@example.org>\r\nTo: "
                + to
                + "\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder()
                    .encodeToString("Quartalsberichte (groß)".getBytes(StandardCharsets.UTF_8))
                + "?=\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\nMessage-ID: <large-"
                + UUID.randomUUID()
                + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed;"
                + " boundary=\""
                + boundary
                + "\"\r\n\r\n--"
                + boundary
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe reports are attached.\r\n")
            .getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < ATTACHMENTS; i++) {
      byte[] content = new byte[ATTACHMENT_BYTES];
      random.nextBytes(content);
      digests.add(sha256(content));
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Type: application/octet-stream; name=\"report-"
                  + i
                  + ".bin\"\r\nContent-Disposition: attachment; filename=\"report-"
                  + i
                  + ".bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(RealisticMessages.base64(content).getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
