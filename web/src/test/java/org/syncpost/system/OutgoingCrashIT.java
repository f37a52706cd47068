package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ScriptedSmtpServer;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * SyncPost killed (SIGKILL) while emails are SENDING, then started again: every email ends SENT,
 * none is lost or left SENDING, and the one the server may have seen is sent again with the same
 * Message-ID. On the {@link RestartableSyncPost}, with its short sending lease.
 */
@ExtendWith(RestartableSyncPost.class)
@Timeout(600)
class OutgoingCrashIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final SyncPostServer server;

  OutgoingCrashIT(SyncPostServer server) {
    this.server = server;
  }

  private static final int EMAILS = 5;

  @Test
  void emailsSendingWhenSyncPostIsKilledAreSentAfterTheRestartWithTheSameMessageId()
      throws InterruptedException {
    Api admin = server.admin();
    admin.patch("settings", "{\"allowNonSslEmail\": true}");
    try (ScriptedSmtpServer smtp = ScriptedSmtpServer.stallingOnFirstMessage()) {
      long sender = mailboxSendingThrough(admin, smtp);
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < EMAILS; i++) {
        ids.add(send(admin, sender, "Crash " + i));
      }
      JsonObject stalled =
          awaitEmail(admin, ids.get(0), e -> e.getString("status").equals("SENDING"));
      assertThat(stalled.getString("status")).isEqualTo("SENDING");
      awaitOffered(smtp, 1);
      // H2 writes committed changes to its file within a second (WRITE_DELAY): a crash must not
      // also lose the claim this test is about
      Thread.sleep(1_500);

      server.kill();
      server.restart();

      admin = server.admin();
      List<String> sentIds = new ArrayList<>();
      for (long id : ids) {
        JsonObject email = awaitEmail(admin, id, e -> e.getString("status").equals("SENT"));
        assertThat(email.getString("status")).as("email %d", id).isEqualTo("SENT");
        sentIds.add(email.getString("messageId"));
      }
      assertThat(smtp.acceptedMessageIds()).containsExactlyInAnyOrderElementsOf(sentIds);
      // the stalled one was offered before the crash and again after it, under one Message-ID
      assertThat(smtp.offeredMessageIds()).filteredOn(sentIds.get(0)::equals).hasSize(2);
    } finally {
      server.admin().patch("settings", "{\"allowNonSslEmail\": false}");
    }
  }

  private static long mailboxSendingThrough(Api admin, ScriptedSmtpServer smtp) {
    Reply profile =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", unique("crash"))
                .add("serverType", "IMAP_SMTP")
                .add(
                    "incomingServer",
                    ServerCertificate.VALID.address() + ":" + servers.dovecot().imapsPort())
                .add("outgoingServer", "127.0.0.1:" + smtp.port())
                .add("outgoingUseSsl", false)
                .add("useSameSettingsForOutgoing", true)
                .add("connectionTimeoutSeconds", 90)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    MailUser mailUser = servers.dovecot().addUser(unique("crash"), "sender-password");
    long mailboxId =
        IncomingMailbox.configureOn(
            admin, profile.json().getJsonNumber("id").longValue(), mailUser, true, null);
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    JsonObject tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}").json();
    assertThat(tested.getBoolean("enabledForOutgoing")).as(tested.toString()).isTrue();
    return mailboxId;
  }

  private static long send(Api admin, long sender, String subject) {
    Reply created =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", sender)
                .add("to", Json.createArrayBuilder().add("someone@example.org"))
                .add("subject", subject)
                .add("textBody", "Hello")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  private static JsonObject awaitEmail(Api admin, long id, Predicate<JsonObject> condition) {
    return Eventually.lastWithin(
        Duration.ofSeconds(120), () -> admin.get("emails/" + id).json(), condition);
  }

  private static void awaitOffered(ScriptedSmtpServer smtp, int count) {
    Eventually.within(
        Duration.ofSeconds(60),
        count + " messages offered to the SMTP server",
        smtp::offeredMessageIds,
        offered -> offered.size() >= count);
  }
}
