package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ScriptedSmtpServer;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Outgoing email end to end: records created over REST, sent by SyncPost's scheduler through a real
 * Postfix into Dovecot, or through a scripted SMTP server that answers 451 or 550.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class OutgoingEmailIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final Api admin;
  private final OutgoingEmails emails;

  OutgoingEmailIT(SyncPostServer server) {
    this.admin = server.admin();
    this.emails = new OutgoingEmails(admin);
  }

  private JsonObjectBuilder workingProfile() {
    return PrivateServersProfile.named(unique("outgoing"), servers)
        .add("connectionTimeoutSeconds", 5);
  }

  /** A user's mailbox on a profile (changed by {@code adjust}); approved and tested when asked. */
  private long mailbox(Consumer<JsonObjectBuilder> adjust, boolean approveAndEnable) {
    JsonObjectBuilder profile = workingProfile();
    adjust.accept(profile);
    Reply createdProfile = admin.post("profiles", profile.build().toString());
    assertThat(createdProfile.status()).as(createdProfile.toString()).isEqualTo(201);
    MailUser mailUser = servers.dovecot().addUser(unique("sender"), "sender-password");
    long mailboxId =
        IncomingMailbox.configureOn(
            admin, createdProfile.json().getJsonNumber("id").longValue(), mailUser, true, null);
    if (approveAndEnable) {
      admin.post("mailboxes/" + mailboxId + "/approve", "");
      JsonObject tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}").json();
      assertThat(tested.getBoolean("enabledForOutgoing")).as(tested.toString()).isTrue();
    }
    return mailboxId;
  }

  private long mailboxSendingThrough(ScriptedSmtpServer smtp) {
    return mailbox(
        p ->
            p.add("outgoingServer", "127.0.0.1:" + smtp.port())
                .add("outgoingUseSsl", false)
                .add("useSameSettingsForOutgoing", true),
        true);
  }

  private List<JsonObject> awaitAlerts(long mailboxId, String code, Duration timeout) {
    return Eventually.lastWithin(timeout, () -> alerts(mailboxId, code), found -> !found.isEmpty());
  }

  private List<JsonObject> alerts(long mailboxId, String code) {
    return admin.get("alerts?mailboxId=" + mailboxId).array().stream()
        .map(JsonValue::asJsonObject)
        .filter(a -> a.getString("code").equals(code))
        .toList();
  }

  private static String statusAndAttempts(JsonObject email) {
    return email.getString("status") + " " + email.getInt("deliveryAttempts");
  }

  @Test
  void fiveHundredEmailsArriveEachExactlyOnceAndEachRecordIsSentWithItsMessageId() {
    long sender = mailbox(p -> {}, true);
    MailUser first = servers.dovecot().addUser(unique("rcpt"), "recipient-password");
    MailUser second = servers.dovecot().addUser(unique("rcpt"), "recipient-password");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      MailUser recipient = i % 2 == 0 ? first : second;
      ids.add(emails.send(sender, recipient.address(), "Bulk " + i));
    }

    assertThat(
            servers.dovecot().awaitMessageCount(first.name(), "INBOX", 250, Duration.ofMinutes(3)))
        .isEqualTo(250);
    assertThat(
            servers.dovecot().awaitMessageCount(second.name(), "INBOX", 250, Duration.ofMinutes(1)))
        .isEqualTo(250);

    Set<String> recordIds = new HashSet<>();
    for (long id : ids) {
      JsonObject email =
          emails.await(id, e -> e.getString("status").equals("SENT"), Duration.ofSeconds(30));
      assertThat(email.getString("status") + " " + email.isNull("sentOn"))
          .as("email %d", id)
          .isEqualTo("SENT false");
      recordIds.add(email.getString("messageId"));
    }
    List<String> delivered = new ArrayList<>();
    delivered.addAll(servers.dovecot().messageIds(first.name(), "INBOX"));
    delivered.addAll(servers.dovecot().messageIds(second.name(), "INBOX"));
    assertThat(delivered).hasSize(500).doesNotHaveDuplicates();
    assertThat(new HashSet<>(delivered)).isEqualTo(recordIds);
  }

  @Test
  void anEmailRefusedTwiceWith451IsSentOnTheThirdAttemptWithTheSameMessageId() {
    admin.patch("settings", "{\"allowNonSslEmail\": true}");
    try (ScriptedSmtpServer smtp = ScriptedSmtpServer.busyFor(2)) {
      long sender = mailboxSendingThrough(smtp);
      long id = emails.send(sender, "someone@example.org", "Third time lucky");

      JsonObject first =
          emails.await(
              id,
              e ->
                  e.getInt("deliveryAttempts") == 1 && e.getString("status").equals("PENDING_SEND"),
              Duration.ofSeconds(60));
      assertThat(statusAndAttempts(first)).isEqualTo("PENDING_SEND 1");
      assertThat(first.getString("lastError")).contains("451");
      assertThat(first.isNull("nextAttemptAt")).isFalse();
      // an operator does not wait for the backoff
      admin.post("emails/" + id + "/send-now", "");
      emails.await(
          id,
          e -> e.getInt("deliveryAttempts") == 2 && e.getString("status").equals("PENDING_SEND"),
          Duration.ofSeconds(60));
      admin.post("emails/" + id + "/send-now", "");
      JsonObject sent =
          emails.await(id, e -> e.getString("status").equals("SENT"), Duration.ofSeconds(60));

      assertThat(statusAndAttempts(sent)).isEqualTo("SENT 3");
      assertThat(smtp.offeredMessageIds())
          .containsExactly(
              sent.getString("messageId"),
              sent.getString("messageId"),
              sent.getString("messageId"));
      assertThat(smtp.acceptedMessageIds()).containsExactly(sent.getString("messageId"));
    } finally {
      admin.patch("settings", "{\"allowNonSslEmail\": false}");
    }
  }

  @Test
  void anEmailRefusedWith550FailsAtOnceWithTheRepliesWordsAndAnAlert() {
    admin.patch("settings", "{\"allowNonSslEmail\": true}");
    try (ScriptedSmtpServer smtp =
        ScriptedSmtpServer.refusingRecipients(
            "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown")) {
      long sender = mailboxSendingThrough(smtp);
      long id = emails.send(sender, "nobody@example.org", "Into the void");

      JsonObject failed =
          emails.await(id, e -> e.getString("status").equals("FAILED"), Duration.ofSeconds(60));

      assertThat(statusAndAttempts(failed)).isEqualTo("FAILED 1");
      assertThat(failed.getString("lastError")).contains("550 5.1.1").contains("User unknown");
      assertThat(awaitAlerts(sender, "outgoing-email-failed", Duration.ofSeconds(10)))
          .extracting(a -> a.getString("level"))
          .containsExactly("ERROR");
    } finally {
      admin.patch("settings", "{\"allowNonSslEmail\": false}");
    }
  }

  @Test
  void anUnapprovedSenderKeepsItsEmailsPendingAndItsOwnerIsToldWhy() {
    long sender = mailbox(p -> {}, false);
    long id = emails.send(sender, "someone@example.org", "Waiting for approval");

    List<JsonObject> alerts =
        awaitAlerts(sender, "outgoing-mailbox-blocked", Duration.ofSeconds(60));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getString("text")).contains("is not approved");
    assertThat(statusAndAttempts(admin.get("emails/" + id).json())).isEqualTo("PENDING_SEND 0");
  }

  /** The Dovecot user of a mailbox made by {@link #mailbox}: its address's local part. */
  private String dovecotUserOf(long mailboxId) {
    String address = admin.get("mailboxes/" + mailboxId).json().getString("email");
    return address.substring(0, address.indexOf('@'));
  }

  @Test
  void aSentEmailIsCopiedOnceIntoTheSendersSentFolderAsSeenWithItsMessageId() {
    long sender = mailbox(p -> {}, true);
    String senderUser = dovecotUserOf(sender);
    servers.dovecot().createFolder(senderUser, "Sent");
    Reply copying = admin.patch("mailboxes/" + sender, "{\"copyToSentFolder\": true}");
    assertThat(copying.json().getString("sentFolder")).as(copying.toString()).isEqualTo("Sent");
    MailUser recipient = servers.dovecot().addUser(unique("rcpt"), "recipient-password");

    long id = emails.send(sender, recipient.address(), "Keep a copy");
    JsonObject sent =
        emails.await(id, e -> e.getString("status").equals("SENT"), Duration.ofSeconds(60));

    assertThat(servers.dovecot().awaitMessageCount(senderUser, "Sent", 1, Duration.ofSeconds(30)))
        .isEqualTo(1);
    String copy =
        servers
            .dovecot()
            .doveadm("fetch", "-u", senderUser, "flags hdr.message-id", "mailbox", "Sent", "all");
    assertThat(copy).contains("\\Seen").contains(sent.getString("messageId"));
    assertThat(sent.isNull("lastError")).as(sent.toString()).isTrue();
    assertThat(servers.dovecot().messageCount(senderUser, "Sent")).isEqualTo(1);
  }

  @Test
  void anEmailWhoseCopyFailsIsStillSentAndTheRecordAndAWarningSaySo() {
    long sender = mailbox(p -> {}, true);
    admin.patch(
        "mailboxes/" + sender, "{\"copyToSentFolder\": true, \"sentFolder\": \"Sent Items\"}");
    MailUser recipient = servers.dovecot().addUser(unique("rcpt"), "recipient-password");

    long id = emails.send(sender, recipient.address(), "No such folder");
    List<JsonObject> warnings =
        awaitAlerts(sender, "outgoing-sent-copy-failed", Duration.ofSeconds(60));
    JsonObject sent = admin.get("emails/" + id).json();

    assertThat(
            servers
                .dovecot()
                .awaitMessageCount(recipient.name(), "INBOX", 1, Duration.ofSeconds(30)))
        .isEqualTo(1);
    assertThat(sent.getString("status")).isEqualTo("SENT");
    assertThat(sent.getString("lastError"))
        .contains("not copied into the Sent folder")
        .contains("'Sent Items' does not exist");
    assertThat(warnings).extracting(a -> a.getString("level")).containsExactly("WARNING");
  }

  @Test
  void onlyAnEmailTheApplicationMarksAutoSubmittedCarriesTheHeader() {
    long sender = mailbox(p -> {}, true);
    MailUser recipient = servers.dovecot().addUser(unique("rcpt"), "recipient-password");
    Reply automatic =
        admin.post(
            "emails",
            Json.createObjectBuilder(
                    Json.createReader(
                            new java.io.StringReader(
                                OutgoingEmails.email(
                                    sender, recipient.address(), "Your order has shipped")))
                        .readObject())
                .add("autoSubmitted", true)
                .build()
                .toString());
    assertThat(automatic.json().getBoolean("autoSubmitted")).as(automatic.toString()).isTrue();
    emails.send(sender, recipient.address(), "Written by a person");

    assertThat(
            servers
                .dovecot()
                .awaitMessageCount(recipient.name(), "INBOX", 2, Duration.ofSeconds(60)))
        .isEqualTo(2);
    String marked =
        servers
            .dovecot()
            .doveadm(
                "fetch",
                "-u",
                recipient.name(),
                "hdr.subject",
                "mailbox",
                "INBOX",
                "header",
                "Auto-Submitted",
                "auto-generated");
    assertThat(marked).contains("Your order has shipped").doesNotContain("Written by a person");
  }

  @Test
  void aRefusedSignInDisablesOutgoingAndKeepsTheEmailPendingForTheOwners() {
    long sender = mailbox(p -> {}, true);
    admin.patch("mailboxes/" + sender, "{\"password\": \"no-longer-the-password\"}");

    long id = emails.send(sender, "someone@example.org", "Signed out");

    assertThat(outgoingDisabledWithPendingEmail(sender, id, "outgoing-authentication-failed"))
        .isEqualTo("PENDING_SEND 0, enabled=false FAILURE, ERROR to both owners");
    assertThat(openAlert(sender, "outgoing-authentication-failed").getString("text"))
        .contains("is disabled, and its emails wait unsent")
        .contains("refused to sign in with the configured user name and password");
  }

  /** Postfix presents each of these certificates on its own loopback address (the test harness). */
  @ParameterizedTest
  @EnumSource(
      value = ServerCertificate.class,
      names = {"EXPIRED", "WRONG_HOST", "REVOKED"})
  void aRefusedCertificateDisablesOutgoingAndKeepsTheEmailPendingForTheOwners(
      ServerCertificate certificate) {
    long sender = mailbox(p -> {}, true);
    long profileId = admin.get("mailboxes/" + sender).json().getJsonNumber("profileId").longValue();
    Reply moved =
        admin.patch(
            "profiles/" + profileId,
            Json.createObjectBuilder()
                .add("outgoingServer", certificate.address() + ":" + servers.postfix().smtpsPort())
                .build()
                .toString());
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    String code = "outgoing-certificate-" + certificate.name().toLowerCase().replace('_', '-');

    long id = emails.send(sender, "someone@example.org", "Not to that server");

    assertThat(outgoingDisabledWithPendingEmail(sender, id, code))
        .isEqualTo("PENDING_SEND 0, enabled=false FAILURE, ERROR to both owners");
    assertThat(openAlert(sender, code).getString("text"))
        .contains("is disabled, and its emails wait unsent")
        .contains(certificate.address() + ":" + servers.postfix().smtpsPort())
        .contains(
            switch (certificate) {
              case EXPIRED -> "certificate that has expired";
              case WRONG_HOST -> "certificate issued for a different host name";
              default -> "certificate that its certificate authority has revoked";
            });
  }

  /**
   * Waits for the alert {@code code}, then: the email's status and attempts, the mailbox's outgoing
   * state, and whether the alert is an error addressed to the profile's owner (the admin, who made
   * the profile) as well as the mailbox's.
   */
  private String outgoingDisabledWithPendingEmail(long mailboxId, long emailId, String code) {
    List<JsonObject> raised = awaitAlerts(mailboxId, code, Duration.ofSeconds(90));
    assertThat(raised).as("alert %s", code).hasSize(1);
    JsonObject mailbox = admin.get("mailboxes/" + mailboxId).json();
    boolean toProfileOwner =
        admin.get("alerts?mine=true&mailboxId=" + mailboxId).array().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(a -> a.getString("code").equals(code));
    return statusAndAttempts(admin.get("emails/" + emailId).json())
        + ", enabled="
        + mailbox.getBoolean("enabledForOutgoing")
        + " "
        + mailbox.getString("outgoingStatus")
        + ", "
        + raised.get(0).getString("level")
        + (toProfileOwner ? " to both owners" : " to the mailbox owner only");
  }

  private JsonObject openAlert(long mailboxId, String code) {
    return alerts(mailboxId, code).get(0);
  }

  @Test
  void anInvalidRecipientIsRefusedWithTheFieldNamed() {
    long sender = mailbox(p -> {}, false);
    JsonArrayBuilder to = Json.createArrayBuilder().add("good@example.org").add("not an address");

    Reply refused =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", sender)
                .add("to", to)
                .add("subject", "x")
                .build()
                .toString());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("to[1]");
  }

  @Test
  void aDraftWaitsAndACanceledEmailCannotBeCanceledAgain() {
    long sender = mailbox(p -> {}, false);
    Reply draft =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", sender)
                .add("to", Json.createArrayBuilder().add("someone@example.org"))
                .add("subject", "Later")
                .add("draft", true)
                .build()
                .toString());
    long id = draft.json().getJsonNumber("id").longValue();

    Reply canceled = admin.post("emails/" + id + "/cancel", "");
    Reply again = admin.post("emails/" + id + "/cancel", "");

    assertThat(
            draft.json().getString("status")
                + " "
                + canceled.json().getString("status")
                + " "
                + again.status())
        .isEqualTo("DRAFT CANCELED 409");
  }
}
