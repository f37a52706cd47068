package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Incoming synchronization end to end: a running SyncPost reads a private Dovecot over IMAPS, and
 * every message becomes exactly one record, or a quarantine entry with its reason.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class IncomingSyncIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final Api admin;

  IncomingSyncIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  private record Box(long id, MailUser user, long profileId) {}

  /** An approved, tested and enabled mailbox of a new Dovecot user, incoming only. */
  private Box enabledMailbox() {
    Reply profile =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", unique("incoming"))
                .add("serverType", "IMAP_SMTP")
                .add(
                    "incomingServer",
                    ServerCertificate.VALID.address() + ":" + servers.dovecot().imapsPort())
                .add("outgoingServer", "smtp.invalid:465")
                .add("connectionTimeoutSeconds", 10)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .add("revocationCheck", "ON")
                .add("processEmailFrom", "2020-01-01T00:00:00Z")
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    MailUser mailUser = servers.dovecot().addUser(unique("in"), "pw-" + UUID.randomUUID());
    Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", mailUser.name())
                .add("email", mailUser.address())
                .build()
                .toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    long mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    Reply configured =
        admin.patch(
            "mailboxes/" + mailboxId,
            Json.createObjectBuilder()
                .add("profileId", profile.json().getJsonNumber("id"))
                .add("username", mailUser.address())
                .add("password", mailUser.password())
                .add("allowCredentialUse", true)
                .add("incomingDeliveryMethod", "SERVER_SIDE_SYNC")
                .add("outgoingDeliveryMethod", "NONE")
                .add("folders", "INBOX")
                .build()
                .toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    Reply tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}");
    assertThat(tested.json().getBoolean("enabledForIncoming")).as(tested.toString()).isTrue();
    return new Box(mailboxId, mailUser, profile.json().getJsonNumber("id").longValue());
  }

  /** Runs cycles until nothing is waiting any more; the outcome of the last one. */
  private JsonObject syncUntilDone(Box box) {
    JsonObject outcome;
    do {
      Reply synced = admin.post("mailboxes/" + box.id() + "/sync", "");
      assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
      outcome = synced.json();
      assertThat(outcome.getString("status")).as(outcome.toString()).isEqualTo("SUCCEEDED");
    } while (outcome.getBoolean("moreWaiting"));
    return outcome;
  }

  private long recordCount(Box box) {
    return Long.parseLong(
        admin.get("emails?mailboxId=" + box.id() + "&limit=1").header("X-Total-Count"));
  }

  private List<JsonObject> records(Box box) {
    return admin.get("emails?mailboxId=" + box.id() + "&limit=1000").array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private List<JsonObject> quarantine(Box box) {
    return admin.get("quarantine?mailboxId=" + box.id()).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private static byte[] message(String subject, String messageId, String extraHeaders) {
    String text =
        new String(
            Messages.plainText(
                "sender@example.org",
                "someone@syncpost.test",
                subject,
                "Hello " + subject,
                Messages.DEFAULT_DATE,
                messageId),
            StandardCharsets.US_ASCII);
    return (extraHeaders + text).getBytes(StandardCharsets.US_ASCII);
  }

  private long uidValidity(Box box) throws Exception {
    Properties props = new Properties();
    props.put("mail.imap.connectiontimeout", "10000");
    props.put("mail.imap.timeout", "10000");
    try (Store store = Session.getInstance(props).getStore("imap")) {
      store.connect(
          "127.0.0.1", servers.dovecot().imapPort(), box.user().name(), box.user().password());
      return ((jakarta.mail.UIDFolder) store.getFolder("INBOX")).getUIDValidity();
    }
  }

  /** Appends over one IMAP connection, as another mail client would. */
  private void append(Box box, int count, boolean seen) throws Exception {
    Properties props = new Properties();
    props.put("mail.imap.connectiontimeout", "10000");
    props.put("mail.imap.timeout", "30000");
    Session session = Session.getInstance(props);
    try (Store store = session.getStore("imap")) {
      store.connect(
          "127.0.0.1", servers.dovecot().imapPort(), box.user().name(), box.user().password());
      Folder inbox = store.getFolder("INBOX");
      Message[] messages = new Message[count];
      for (int i = 0; i < count; i++) {
        messages[i] =
            new MimeMessage(
                session,
                new ByteArrayInputStream(
                    message("seeded " + i, "<" + UUID.randomUUID() + "@seed.test>", "")));
        if (seen) {
          messages[i].setFlag(Flags.Flag.SEEN, true);
        }
      }
      inbox.appendMessages(messages);
    }
  }

  @Test
  void aThousandSeededMessagesBecomeExactlyAThousandRecordsAndASecondCycleAddsNone()
      throws Exception {
    Box box = enabledMailbox();
    append(box, 1000, false);

    syncUntilDone(box);
    long afterFirst = recordCount(box);
    JsonObject second = syncUntilDone(box);

    assertThat(List.of(afterFirst, recordCount(box), (long) second.getInt("recorded")))
        .containsExactly(1000L, 1000L, 0L);
  }

  @Test
  void aMessageAlreadyReadInAnotherClientIsStillTaken() throws Exception {
    Box box = enabledMailbox();
    append(box, 2, true);

    syncUntilDone(box);

    assertThat(recordCount(box)).isEqualTo(2);
  }

  @Test
  void aNewUidValidityRescansWithoutDuplicates() throws Exception {
    Box box = enabledMailbox();
    append(box, 3, false);
    syncUntilDone(box);

    servers
        .dovecot()
        .doveadm("mailbox", "update", "-u", box.user().name(), "--uid-validity", "4242", "INBOX");
    assertThat(uidValidity(box)).as("UIDVALIDITY on the server").isEqualTo(4242L);
    append(box, 1, false);
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

    List<JsonObject> quarantined = quarantine(box);
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
  void aQuarantinedMessageThatStillCannotBeParsedStaysWithItsReasonAfterARetry() throws Exception {
    Box box = enabledMailbox();
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            Files.readAllBytes(Path.of("../ejb/src/test/resources/eml/nested-150-deep.eml")));
    syncUntilDone(box);
    long entryId = quarantine(box).get(0).getJsonNumber("id").longValue();

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
  }

  private JsonObject syncOnce(Box box) {
    Reply synced = admin.post("mailboxes/" + box.id() + "/sync", "");
    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    return synced.json();
  }

  private List<String> alertsOf(Box box) {
    return admin.get("alerts?mailboxId=" + box.id()).array().stream()
        .map(JsonValue::asJsonObject)
        .map(a -> a.getString("level") + " " + a.getString("code"))
        .toList();
  }

  @Test
  void theSchedulerTakesNewMailWithoutBeingAsked() throws Exception {
    Box box = enabledMailbox();
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            message("by the timer", "<" + UUID.randomUUID() + "@timer.test>", ""));

    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    while (recordCount(box) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }

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
    assertThat(alertsOf(box)).contains("WARNING mailbox-not-approved");
  }

  @Test
  void aRefusedPasswordDisablesIncomingAndRaisesAnError() {
    Box box = enabledMailbox();
    servers.dovecot().addUser(box.user().name(), "changed-elsewhere");

    JsonObject outcome = syncOnce(box);

    JsonObject mailbox = admin.get("mailboxes/" + box.id()).json();
    assertThat(
            outcome.getString("status")
                + " "
                + outcome.getString("errorCode")
                + " enabled="
                + mailbox.getBoolean("enabledForIncoming"))
        .isEqualTo("DISABLED incoming-authentication-failed enabled=false");
    assertThat(alertsOf(box)).contains("ERROR incoming-authentication-failed");
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
    assertThat(alertsOf(box)).contains("WARNING incoming-connection-refused");
  }
}
