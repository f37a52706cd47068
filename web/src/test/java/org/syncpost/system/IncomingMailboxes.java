package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Mailboxes of private Dovecot users set up for incoming synchronization through the API, and what
 * the incoming tests do with them: seed mail as another client would, sync, count the records.
 */
final class IncomingMailboxes {

  /** A mailbox, its Dovecot user and its own profile. */
  record Box(long id, MailUser user, long profileId) {}

  private final Api admin;
  private final MailServers servers;

  IncomingMailboxes(Api admin, MailServers servers) {
    this.admin = admin;
    this.servers = servers;
  }

  /** Whose mailbox: a user's, or a queue's (which alone may delete processed mail). */
  enum Regarding {
    USER("users"),
    QUEUE("queues");

    private final String resource;

    Regarding(String resource) {
      this.resource = resource;
    }
  }

  /** An approved, tested and enabled IMAPS mailbox of a new Dovecot user, incoming only. */
  Box enabledMailbox() {
    return enabledMailbox(Regarding.USER, "IMAP_SMTP", Json.createObjectBuilder().build());
  }

  /**
   * An approved, tested and enabled mailbox of a new Dovecot user, incoming only, over IMAPS
   * ({@code IMAP_SMTP}) or POP3S ({@code POP3_SMTP}), with more mailbox settings.
   */
  Box enabledMailbox(Regarding regarding, String serverType, JsonObject moreSettings) {
    return enabledMailbox(regarding, serverType, moreSettings, user -> {});
  }

  /**
   * As {@link #enabledMailbox(Regarding, String, JsonObject)}, with {@code firstMail} delivered to
   * the Dovecot user before the mailbox is enabled: the scheduler polls an enabled mailbox at once,
   * so mail delivered after enabling may come before or after that first cycle.
   */
  Box enabledMailbox(
      Regarding regarding,
      String serverType,
      JsonObject moreSettings,
      Consumer<MailUser> firstMail) {
    boolean imap = serverType.equals("IMAP_SMTP");
    Reply profile =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", unique("incoming"))
                .add("serverType", serverType)
                .add(
                    "incomingServer",
                    ServerCertificate.VALID.address()
                        + ":"
                        + (imap ? servers.dovecot().imapsPort() : servers.dovecot().pop3sPort()))
                .add("outgoingServer", "smtp.invalid:465")
                .add("connectionTimeoutSeconds", 10)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .add("revocationCheck", "ON")
                .add("processEmailFrom", "2020-01-01T00:00:00Z")
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    MailUser mailUser = servers.dovecot().addUser(unique("in"), "pw-" + UUID.randomUUID());
    firstMail.accept(mailUser);
    Reply owner =
        admin.post(
            regarding.resource,
            Json.createObjectBuilder()
                .add("name", mailUser.name())
                .add("email", mailUser.address())
                .build()
                .toString());
    assertThat(owner.status()).as(owner.toString()).isEqualTo(201);
    long mailboxId = owner.json().getJsonNumber("mailboxId").longValue();
    long profileId = profile.json().getJsonNumber("id").longValue();
    configure(mailboxId, profileId, mailUser, moreSettings, imap);
    return new Box(mailboxId, mailUser, profileId);
  }

  /** Points the mailbox at the profile and the Dovecot user, approves, tests and enables it. */
  private void configure(
      long mailboxId, long profileId, MailUser mailUser, JsonObject moreSettings, boolean imap) {
    var settings = IncomingMailbox.readingWith(profileId, mailUser);
    if (imap) {
      settings.add("folders", "INBOX");
    }
    Reply configured =
        admin.patch(
            "mailboxes/" + mailboxId,
            settings.addAll(Json.createObjectBuilder(moreSettings)).build().toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    Reply tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}");
    assertThat(tested.json().getBoolean("enabledForIncoming")).as(tested.toString()).isTrue();
  }

  /** One cycle now. */
  JsonObject syncOnce(Box box) {
    Reply synced = admin.post("mailboxes/" + box.id() + "/sync", "");
    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    return synced.json();
  }

  /** Runs cycles until nothing is waiting any more; the outcome of the last one. */
  JsonObject syncUntilDone(Box box) {
    return untilDone(() -> syncOnce(box));
  }

  /**
   * Runs the cycles {@code sync} starts until nothing is waiting any more. A cycle that finds
   * another at work on the mailbox ({@code BUSY}) is started again a moment later: the scheduler
   * polls a mailbox as soon as it is enabled, so its cycle and a test's "sync now" may meet.
   */
  static JsonObject untilDone(Supplier<JsonObject> sync) {
    JsonObject outcome;
    do {
      outcome =
          Eventually.lastWithin(
              Duration.ofSeconds(60),
              sync::get,
              cycle -> !cycle.getString("status").equals("BUSY"));
      assertThat(outcome.getString("status")).as(outcome.toString()).isEqualTo("SUCCEEDED");
    } while (outcome.getBoolean("moreWaiting"));
    return outcome;
  }

  long recordCount(Box box) {
    return Long.parseLong(
        admin.get("emails?mailboxId=" + box.id() + "&limit=1").header("X-Total-Count"));
  }

  /** The first 1,000 records of the mailbox. */
  List<JsonObject> records(Box box) {
    return admin.get("emails?mailboxId=" + box.id() + "&limit=1000").array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /** All records of the mailbox, page by page. */
  List<JsonObject> allRecords(Box box) {
    List<JsonObject> all = new ArrayList<>();
    List<JsonObject> page;
    do {
      page =
          admin
              .get("emails?mailboxId=" + box.id() + "&limit=1000&offset=" + all.size())
              .array()
              .stream()
              .map(JsonValue::asJsonObject)
              .toList();
      all.addAll(page);
    } while (page.size() == 1000);
    return all;
  }

  List<JsonObject> quarantine(Box box) {
    return admin.get("quarantine?mailboxId=" + box.id()).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /** The mailbox's alerts as "LEVEL code". */
  List<String> alertsOf(Box box) {
    return admin.get("alerts?mailboxId=" + box.id()).array().stream()
        .map(JsonValue::asJsonObject)
        .map(a -> a.getString("level") + " " + a.getString("code"))
        .toList();
  }

  JsonObject mailbox(Box box) {
    return admin.get("mailboxes/" + box.id()).json();
  }

  static byte[] message(String subject, String messageId, String extraHeaders) {
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

  /** An IMAP session of the Dovecot user, as another mail client would open it. */
  Store imapStore(Box box) throws Exception {
    return imapStore(box.user());
  }

  private Store imapStore(MailUser user) throws MessagingException {
    Properties props = new Properties();
    props.put("mail.imap.connectiontimeout", "10000");
    props.put("mail.imap.timeout", "30000");
    Store store = Session.getInstance(props).getStore("imap");
    store.connect("127.0.0.1", servers.dovecot().imapPort(), user.name(), user.password());
    return store;
  }

  long uidValidity(Box box) throws Exception {
    try (Store store = imapStore(box)) {
      return ((jakarta.mail.UIDFolder) store.getFolder("INBOX")).getUIDValidity();
    }
  }

  /** Appends {@code count} messages with their own Message-IDs over one IMAP connection. */
  void append(Box box, int count, boolean seen) {
    append(box.user(), count, seen);
  }

  /**
   * As {@link #append(Box, int, boolean)}, to a Dovecot user whose mailbox may not exist yet (e.g.
   * as the {@code firstMail} of {@link #enabledMailbox(Regarding, String, JsonObject, Consumer)}).
   */
  void append(MailUser user, int count, boolean seen) {
    try {
      appendOverImap(user, count, seen);
    } catch (MessagingException failed) {
      throw new IllegalStateException("could not append to " + user.name(), failed);
    }
  }

  private void appendOverImap(MailUser user, int count, boolean seen) throws MessagingException {
    try (Store store = imapStore(user)) {
      Session session = Session.getInstance(new Properties());
      Folder inbox = store.getFolder("INBOX");
      int chunk = 500;
      for (int from = 0; from < count; from += chunk) {
        Message[] messages = new Message[Math.min(chunk, count - from)];
        for (int i = 0; i < messages.length; i++) {
          messages[i] =
              new MimeMessage(
                  session,
                  new ByteArrayInputStream(
                      message(
                          "seeded " + (from + i), "<" + UUID.randomUUID() + "@seed.test>", "")));
          if (seen) {
            messages[i].setFlag(Flags.Flag.SEEN, true);
          }
        }
        inbox.appendMessages(messages);
      }
    }
  }
}
