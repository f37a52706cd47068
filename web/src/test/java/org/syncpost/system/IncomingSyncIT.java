package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;
import static org.syncpost.system.IncomingMailboxes.message;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.email.entity.DownloadName;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.IncomingMailboxes.Box;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;

/**
 * Incoming synchronization end to end: a running SyncPost reads a private Dovecot over IMAPS, and
 * every message becomes exactly one record, or a quarantine entry with its reason.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class IncomingSyncIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final Api admin;
  private final IncomingMailboxes mailboxes;

  IncomingSyncIT(SyncPostServer server) {
    this.admin = server.admin();
    this.mailboxes = new IncomingMailboxes(admin, servers);
  }

  private Box enabledMailbox() {
    return mailboxes.enabledMailbox();
  }

  private JsonObject syncUntilDone(Box box) {
    return mailboxes.syncUntilDone(box);
  }

  private JsonObject syncOnce(Box box) {
    return mailboxes.syncOnce(box);
  }

  private long recordCount(Box box) {
    return mailboxes.recordCount(box);
  }

  private List<JsonObject> records(Box box) {
    return mailboxes.records(box);
  }

  @Test
  void aThousandSeededMessagesBecomeExactlyAThousandRecordsAndASecondCycleAddsNone()
      throws Exception {
    Box box = enabledMailbox();
    mailboxes.append(box, 1000, false);

    syncUntilDone(box);
    long afterFirst = recordCount(box);
    JsonObject second = syncUntilDone(box);

    assertThat(List.of(afterFirst, recordCount(box), (long) second.getInt("recorded")))
        .containsExactly(1000L, 1000L, 0L);
  }

  /**
   * Every cycle writes the mailbox's sync state: an administrator who read the mailbox before a
   * poll still saves his change with that ETag; a change of its settings meanwhile refuses it.
   */
  @Test
  void pollsDoNotTurnAnEditIntoAConflictButAnotherEditDoes() {
    Box box = enabledMailbox();
    String read = admin.get("mailboxes/" + box.id()).header("ETag");
    servers
        .dovecot()
        .deliver(box.user().name(), message("polled", "<" + UUID.randomUUID() + "@poll.test>", ""));

    syncOnce(box);
    Reply afterPoll =
        admin.patchIfMatch("mailboxes/" + box.id(), "{\"pushIncomingEmail\": \"OFF\"}", read);
    Reply stale =
        admin.patchIfMatch("mailboxes/" + box.id(), "{\"pushIncomingEmail\": \"ON\"}", read);

    assertThat(afterPoll.status()).as(afterPoll.toString()).isEqualTo(200);
    assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
  }

  @Test
  void aMessageAlreadyReadInAnotherClientIsStillTaken() throws Exception {
    Box box = enabledMailbox();
    mailboxes.append(box, 2, true);

    syncUntilDone(box);

    assertThat(recordCount(box)).isEqualTo(2);
  }

  @Test
  void aNewUidValidityRescansWithoutDuplicates() throws Exception {
    Box box = enabledMailbox();
    mailboxes.append(box, 3, false);
    syncUntilDone(box);

    servers
        .dovecot()
        .doveadm("mailbox", "update", "-u", box.user().name(), "--uid-validity", "4242", "INBOX");
    assertThat(mailboxes.uidValidity(box)).as("UIDVALIDITY on the server").isEqualTo(4242L);
    mailboxes.append(box, 1, false);
    syncUntilDone(box);

    assertThat(recordCount(box)).isEqualTo(4);
  }

  @Test
  void mailToTwoSyncPostMailboxesIsOneRecordLinkedToBoth() {
    Box first = enabledMailbox();
    Box second = enabledMailbox();
    byte[] shared = message("to both", "<" + UUID.randomUUID() + "@shared.test>", "");
    servers.dovecot().deliver(first.user().name(), shared);
    servers.dovecot().deliver(second.user().name(), shared);

    syncUntilDone(first);
    syncUntilDone(second);

    List<JsonObject> records = records(second);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getJsonArray("receivingMailboxIds").stream().map(Object::toString))
        .containsExactlyInAnyOrder(String.valueOf(first.id()), String.valueOf(second.id()));
    assertThat(records(first).get(0).getJsonNumber("id"))
        .isEqualTo(records.get(0).getJsonNumber("id"));
  }

  @Test
  void malformedMessagesBecomeRecordsOrQuarantineEntriesAndTheCycleGoesOn() throws Exception {
    Box box = enabledMailbox();
    Path corpus = Path.of("../ejb/src/test/resources/eml");
    List<Path> samples;
    try (Stream<Path> files = Files.list(corpus)) {
      samples =
          files.filter(f -> !f.getFileName().toString().equals("empty.eml")).sorted().toList();
    }
    for (Path sample : samples) {
      servers.dovecot().deliver(box.user().name(), Files.readAllBytes(sample));
    }
    servers
        .dovecot()
        .deliver(box.user().name(), message("after the broken ones", "<last@ok.test>", ""));

    syncUntilDone(box);

    List<JsonObject> quarantined = mailboxes.quarantine(box);
    assertThat(recordCount(box) + quarantined.size()).isEqualTo(samples.size() + 1);
    assertThat(quarantined)
        .extracting(q -> q.getString("reason"))
        .containsExactlyInAnyOrder(
            "the message nests its parts more than 100 levels deep",
            "the message has none of the headers an email has (From, To, Subject, Date,"
                + " Message-ID)");
    assertThat(records(box)).anyMatch(r -> "after the broken ones".equals(r.getString("subject")));
  }

  @Test
  void attachmentsAreDownloadedOverTheApiByteForByteWithTheirFileNames() {
    Box box = enabledMailbox();
    Random random = new Random(42);
    byte[] small = new byte[40_000];
    byte[] spooled = new byte[1_500_000]; // above what the parser keeps in memory
    random.nextBytes(small);
    random.nextBytes(spooled);
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            withAttachments("figures", Map.of("small.bin", small, "année 2026.bin", spooled)));
    syncUntilDone(box);
    JsonObject record = records(box).get(0);
    String email = "emails/" + record.getJsonNumber("id");

    List<String> names =
        record.getJsonArray("attachments").stream()
            .map(a -> a.asJsonObject().getString("name"))
            .toList();
    assertThat(names).hasSize(2);
    for (int n = 0; n < names.size(); n++) {
      byte[] expected = names.get(n).equals("small.bin") ? small : spooled;
      assertThat(admin.download(email + "/attachments/" + n)).as(names.get(n)).isEqualTo(expected);
      assertThat(admin.get(email + "/attachments/" + n).header("Content-Disposition"))
          .isEqualTo(DownloadName.of(names.get(n), "unused").contentDisposition());
    }
    assertThat(admin.get(email + "/attachments/2").status()).isEqualTo(404);
  }

  /** A multipart/mixed message with a short text and each of {@code files} base64-encoded. */
  private static byte[] withAttachments(String subject, Map<String, byte[]> files) {
    StringBuilder mime =
        new StringBuilder(
            "From: sender@example.org\r\nTo: someone@syncpost.test\r\nSubject: "
                + subject
                + "\r\nDate: Tue, 1 Sep 2026 10:00:00 +0000\r\nMessage-ID: <"
                + UUID.randomUUID()
                + "@files.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nSee the files.\r\n");
    files.forEach(
        (name, content) ->
            mime.append("--b\r\nContent-Type: application/octet-stream\r\n")
                .append("Content-Disposition: attachment; filename*=UTF-8''")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(content))
                .append("\r\n"));
    return mime.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aQuarantinedMessageThatStillCannotBeParsedStaysWithItsReasonAfterARetry() throws Exception {
    Box box = enabledMailbox();
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            Files.readAllBytes(Path.of("../ejb/src/test/resources/eml/nested-150-deep.eml")));
    syncUntilDone(box);
    long entryId = mailboxes.quarantine(box).get(0).getJsonNumber("id").longValue();

    JsonObject retried = admin.post("quarantine/" + entryId + "/retry", "").json();

    assertThat(retried.getString("state") + " " + retried.getInt("retries")).isEqualTo("OPEN 1");
  }

  @Test
  void aReplyIsCorrelatedByInReplyTo() {
    Box box = enabledMailbox();
    String original = "<" + UUID.randomUUID() + "@thread.test>";
    servers.dovecot().deliver(box.user().name(), message("question", original, ""));
    syncUntilDone(box);
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            message(
                "Re: question",
                "<" + UUID.randomUUID() + "@thread.test>",
                "In-Reply-To: " + original + "\r\n"));

    syncUntilDone(box);

    JsonObject question =
        records(box).stream()
            .filter(r -> r.getString("subject").equals("question"))
            .findFirst()
            .orElseThrow();
    JsonObject reply =
        records(box).stream()
            .filter(r -> r.getString("subject").equals("Re: question"))
            .findFirst()
            .orElseThrow();
    assertThat(reply.getString("correlationMethod") + " " + reply.get("conversationId"))
        .isEqualTo("IN_REPLY_TO " + question.get("id"));
    // the email that starts the conversation names it too, so either lists the whole thread
    assertThat(question.get("conversationId")).isEqualTo(question.get("id"));
  }

  @Test
  void theSchedulerTakesNewMailWithoutBeingAsked() throws Exception {
    Box box = enabledMailbox();
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            message("by the timer", "<" + UUID.randomUUID() + "@timer.test>", ""));

    Eventually.lastWithin(java.time.Duration.ofSeconds(90), () -> recordCount(box), n -> n > 0);

    assertThat(recordCount(box)).isEqualTo(1);
  }

  @Test
  void anEnabledMailboxWhoseAddressIsNoLongerApprovedIsNotPolledAndItsOwnerIsTold() {
    Box box = enabledMailbox();
    Reply readdressed =
        admin.patch(
            "mailboxes/" + box.id(),
            Json.createObjectBuilder()
                .add("email", unique("moved") + "@syncpost.test")
                .build()
                .toString());
    assertThat(readdressed.status()).as(readdressed.toString()).isEqualTo(200);

    JsonObject outcome = syncOnce(box);

    assertThat(outcome.getString("status")).isEqualTo("NOT_APPROVED");
    assertThat(mailboxes.alertsOf(box)).contains("WARNING mailbox-not-approved");
  }

  @Test
  void aRefusedPasswordDisablesIncomingAndRaisesAnError() {
    Box box = enabledMailbox();
    servers.dovecot().addUser(box.user().name(), "changed-elsewhere");

    JsonObject outcome = syncOnce(box);

    // the scheduler's own poll may have met the refused password first: "sync now" then finds
    // incoming switched off already
    assertThat(outcome.getString("status")).as(outcome.toString()).isIn("DISABLED", "NOT_ENABLED");
    if (outcome.getString("status").equals("DISABLED")) {
      assertThat(outcome.getString("errorCode")).isEqualTo("incoming-authentication-failed");
    }
    JsonObject mailbox = admin.get("mailboxes/" + box.id()).json();
    assertThat(
            mailbox.getBoolean("enabledForIncoming")
                + " "
                + mailbox.getBoolean("incomingDisabledByPolicy")
                + " "
                + mailbox.getString("lastErrorCode"))
        .isEqualTo("false true authentication-failed");
    assertThat(mailboxes.alertsOf(box)).contains("ERROR incoming-authentication-failed");
  }

  @Test
  void aServerThatRefusesConnectionsIsRetriedLaterWithAWarning() throws Exception {
    Box box = enabledMailbox();
    int closedPort;
    try (java.net.ServerSocket probe =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    Reply moved =
        admin.patch(
            "profiles/" + box.profileId(),
            Json.createObjectBuilder().add("incomingPort", closedPort).build().toString());
    assertThat(moved.json().getInt("incomingPort")).as(moved.toString()).isEqualTo(closedPort);

    JsonObject outcome = syncOnce(box);

    JsonObject mailbox = admin.get("mailboxes/" + box.id()).json();
    assertThat(
            outcome.getString("status")
                + " "
                + outcome.get("errorCode")
                + " enabled="
                + mailbox.getBoolean("enabledForIncoming"))
        .as(outcome.toString())
        .isEqualTo("RETRYING \"incoming-connection-refused\" enabled=true");
    assertThat(mailboxes.alertsOf(box)).contains("WARNING incoming-connection-refused");
  }
}
