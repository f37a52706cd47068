package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.soap.client.email.AccessDeniedFault;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.OwnedMailboxes.OwnedMailbox;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Issue 13 on a running SyncPost with the private Dovecot and Postfix: profile credentials act for
 * each mailbox (a Dovecot master user), and no message reaches a mailbox it was not delivered to.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class MailboxIsolationIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final SyncPostServer server;
  private final Api admin;
  private final OwnedMailboxes owned;

  MailboxIsolationIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
    this.owned = new OwnedMailboxes(admin, servers);
  }

  /** A Dovecot account with three messages of its own, a master user when asked. */
  private static MailUser serviceAccount(boolean master) {
    MailUser account = servers.dovecot().addUser(unique("service"), "pw-" + UUID.randomUUID());
    if (master) {
      servers.dovecot().makeMaster(account);
    }
    for (int i = 0; i < 3; i++) {
      deliver(account, "the service account's own " + i, "<" + UUID.randomUUID() + "@own.test>");
    }
    return account;
  }

  private static void deliver(MailUser user, String subject, String messageId) {
    servers
        .dovecot()
        .deliver(
            user.name(),
            Messages.plainText(
                "sender@example.org",
                user.address(),
                subject,
                "Hello",
                Messages.DEFAULT_DATE,
                messageId));
  }

  /** A profile signing in with {@code account}'s credentials on behalf of each mailbox. */
  private long profileActingWith(MailUser account, String serverType, String impersonation) {
    int incomingPort =
        serverType.equals("IMAP_SMTP")
            ? servers.dovecot().imapsPort()
            : servers.dovecot().pop3sPort();
    Reply profile =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", unique("acting"))
                .add("serverType", serverType)
                .add("incomingServer", ServerCertificate.VALID.address() + ":" + incomingPort)
                .add(
                    "outgoingServer",
                    ServerCertificate.VALID.address() + ":" + servers.postfix().smtpsPort())
                .add("incomingCredentialSource", "PROFILE")
                .add("username", account.name())
                .add("password", account.password())
                .add("impersonation", impersonation)
                .add("impersonateAs", "EMAIL_ADDRESS")
                .add("connectionTimeoutSeconds", 10)
                .add("minPollingIntervalMinutes", 0)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .add("processEmailFrom", "2020-01-01T00:00:00Z")
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    assertThat(profile.json().getString("impersonation")).isEqualTo(impersonation);
    return profile.json().getJsonNumber("id").longValue();
  }

  /** A mailbox on {@code profileId} whose own password is wrong: only the profile's can work. */
  private long mailboxOn(long profileId, MailUser user, boolean outgoing) {
    Consumer<JsonObjectBuilder> wrongOwnPassword = s -> s.add("password", "not-this-one");
    return IncomingMailbox.configureOn(admin, profileId, user, outgoing, null, wrongOwnPassword);
  }

  private JsonObject testAndEnable(long mailboxId) {
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    Reply tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}");
    assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
    return tested.json();
  }

  private void syncUntilDone(long mailboxId) {
    IncomingMailboxes.untilDone(
        () -> {
          Reply synced = admin.post("mailboxes/" + mailboxId + "/sync", "");
          assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
          return synced.json();
        });
  }

  private List<JsonObject> records(long mailboxId) {
    return admin.get("emails?mailboxId=" + mailboxId + "&limit=100").array().stream()
        .map(JsonValue::asJsonObject)
        .map(summary -> admin.get("emails/" + summary.getJsonNumber("id")).json())
        .toList();
  }

  private static List<String> subjects(List<JsonObject> records) {
    return records.stream().map(r -> r.getString("subject")).toList();
  }

  private static List<String> receivers(JsonObject record) {
    return record.getJsonArray("receivingMailboxIds").stream().map(Object::toString).toList();
  }

  private void twoMailboxesOnOneAccountIngestExactlyTheirOwnMail(
      String serverType, String impersonation) {
    MailUser account = serviceAccount(true);
    long profileId = profileActingWith(account, serverType, impersonation);
    MailUser first = servers.dovecot().addUser(unique("first"), "pw-" + UUID.randomUUID());
    MailUser second = servers.dovecot().addUser(unique("second"), "pw-" + UUID.randomUUID());
    long firstId = mailboxOn(profileId, first, false);
    long secondId = mailboxOn(profileId, second, false);
    deliver(first, "for the first", "<" + UUID.randomUUID() + "@first.test>");
    deliver(second, "for the second", "<" + UUID.randomUUID() + "@second.test>");

    assertThat(testAndEnable(firstId).getBoolean("enabledForIncoming")).isTrue();
    assertThat(testAndEnable(secondId).getBoolean("enabledForIncoming")).isTrue();
    syncUntilDone(firstId);
    syncUntilDone(secondId);

    assertThat(subjects(records(firstId))).containsExactly("for the first");
    assertThat(subjects(records(secondId))).containsExactly("for the second");
  }

  @Test
  void imapMailboxesOnOneProfileAccountEachIngestTheirOwnMailByAuthorizationIdentity() {
    twoMailboxesOnOneAccountIngestExactlyTheirOwnMail("IMAP_SMTP", "SASL_AUTHZID");
  }

  @Test
  void pop3MailboxesOnOneProfileAccountEachIngestTheirOwnMailByMasterUserLogin() {
    twoMailboxesOnOneAccountIngestExactlyTheirOwnMail("POP3_SMTP", "MASTER_USER_LOGIN");
  }

  @Test
  void aMailboxSendsAsItselfWithTheProfileAccountActingForIt() throws Exception {
    MailUser account = serviceAccount(true);
    long profileId = profileActingWith(account, "IMAP_SMTP", "SASL_AUTHZID");
    MailUser sender = servers.dovecot().addUser(unique("sender"), "pw-" + UUID.randomUUID());
    MailUser recipient = servers.dovecot().addUser(unique("rcpt"), "pw-" + UUID.randomUUID());
    long senderId = mailboxOn(profileId, sender, true);
    assertThat(testAndEnable(senderId).getBoolean("enabledForOutgoing")).isTrue();

    Reply created =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", senderId)
                .add("to", Json.createArrayBuilder().add(recipient.address()))
                .add("subject", unique("as myself"))
                .add("textBody", "Hello")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    assertThat(
            servers
                .dovecot()
                .awaitMessageCount(recipient.name(), "INBOX", 1, Duration.ofMinutes(1)))
        .isEqualTo(1);
    assertThat(Files.readString(servers.postfix().log(), StandardCharsets.UTF_8))
        .contains("sasl_username=" + sender.name());
    assertThat(
            servers
                .dovecot()
                .doveadm("fetch", "-u", recipient.name(), "hdr", "mailbox", "INBOX", "all"))
        .contains("From: " + sender.address())
        .contains("Return-Path: <" + sender.address() + ">");
  }

  @Test
  void anAccountWithoutImpersonationRightsIsImpersonationRefusedAndNothingIsRecorded() {
    MailUser account = serviceAccount(false);
    long profileId = profileActingWith(account, "IMAP_SMTP", "SASL_AUTHZID");
    MailUser user = servers.dovecot().addUser(unique("user"), "pw-" + UUID.randomUUID());
    long mailboxId = mailboxOn(profileId, user, false);

    JsonObject tested = testAndEnable(mailboxId);

    JsonObject alert =
        admin.get("alerts?mailboxId=" + mailboxId).array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("level").equals("ERROR"))
            .findFirst()
            .orElseThrow();
    assertThat(
            tested.getString("incomingStatus")
                + " "
                + tested.getBoolean("enabledForIncoming")
                + " "
                + alert.getString("code"))
        .isEqualTo("FAILURE false impersonation-refused");
    assertThat(records(mailboxId)).isEmpty();
  }

  @Test
  void aStrangerReusingAMessageIdGetsARecordOfHisOwnAndCannotReadTheOther() throws Exception {
    OwnedMailbox victim = owned.enabled();
    OwnedMailbox stranger = owned.enabled();
    String messageId = "<" + UUID.randomUUID() + "@victim.test>";
    deliver(victim.mailUser(), "the victim's secret", messageId);
    syncUntilDone(victim.id());
    JsonObject victims = records(victim.id()).get(0);
    deliver(stranger.mailUser(), "give me the secret", messageId);

    syncUntilDone(stranger.id());

    JsonObject strangers = records(stranger.id()).get(0);
    assertThat(strangers.getJsonNumber("id")).isNotEqualTo(victims.getJsonNumber("id"));
    assertThat(strangers.getString("subject")).isEqualTo("give me the secret");
    assertThat(receivers(admin.get("emails/" + victims.getJsonNumber("id")).json()))
        .containsExactly(String.valueOf(victim.id()));
    Api asStranger = server.https(stranger.login(), stranger.password());
    assertThat(asStranger.get("emails/" + victims.getJsonNumber("id")).status()).isEqualTo(403);
    assertThat(
            catchThrowableOfType(
                AccessDeniedFault.class,
                () ->
                    server
                        .soap(stranger.login(), stranger.password())
                        .emails()
                        .getEmail(victims.getJsonNumber("id").longValue())))
        .isNotNull();
  }

  @Test
  void oneMessageSentToTwoMailboxesInOneSmtpTransactionIsOneRecordLinkedToBoth() throws Exception {
    OwnedMailbox first = owned.enabled();
    OwnedMailbox second = owned.enabled();
    String subject = unique("to both");
    Reply created =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", first.id())
                .add(
                    "to",
                    Json.createArrayBuilder()
                        .add(first.mailUser().address())
                        .add(second.mailUser().address()))
                .add("subject", subject)
                .add("textBody", "Hello both")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    for (OwnedMailbox box : List.of(first, second)) {
      servers.dovecot().awaitMessageCount(box.mailUser().name(), "INBOX", 1, Duration.ofMinutes(1));
    }

    syncUntilDone(first.id());
    syncUntilDone(second.id());

    JsonObject received =
        records(second.id()).stream()
            .filter(r -> r.getString("direction").equals("INCOMING"))
            .findFirst()
            .orElseThrow();
    assertThat(receivers(received))
        .containsExactlyInAnyOrder(String.valueOf(first.id()), String.valueOf(second.id()));
  }

  @Test
  void missingEmptyMalformedOrLongDifferentMessageIdsNeverShareARecord() {
    OwnedMailbox first = owned.enabled();
    OwnedMailbox second = owned.enabled();
    String common = "x".repeat(1990);
    List<String> ids = List.of("<>", "<@>", "no-at-sign", "<a b@example.org>");
    for (String id : ids) {
      byte[] same = messageWithId(id, "junk " + id);
      servers.dovecot().deliver(first.mailUser().name(), same);
      servers.dovecot().deliver(second.mailUser().name(), same);
    }
    byte[] noId =
        "From: sender@example.org\r\nSubject: no id\r\n\r\nHello\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    servers.dovecot().deliver(first.mailUser().name(), noId);
    servers.dovecot().deliver(second.mailUser().name(), noId);
    servers
        .dovecot()
        .deliver(first.mailUser().name(), messageWithId("<" + common + "1@long.test>", "long"));
    servers
        .dovecot()
        .deliver(first.mailUser().name(), messageWithId("<" + common + "2@long.test>", "long"));

    syncUntilDone(first.id());
    syncUntilDone(second.id());

    List<JsonObject> firsts = records(first.id());
    assertThat(firsts).hasSize(7);
    assertThat(records(second.id())).hasSize(5);
    assertThat(firsts).allSatisfy(r -> assertThat(receivers(r)).hasSize(1));
  }

  private static byte[] messageWithId(String id, String subject) {
    return ("From: sender@example.org\r\nTo: someone@example.org\r\nSubject: "
            + subject
            + "\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\nMessage-ID: "
            + id
            + "\r\n\r\nthe same body\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
