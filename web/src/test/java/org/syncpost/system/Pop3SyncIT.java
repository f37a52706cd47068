package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.ServerCertificate;

/** Incoming synchronization of a POP3 mailbox by UIDL, against a private Dovecot over POP3S. */
@ExtendWith(SharedSyncPost.class)
@Timeout(180)
class Pop3SyncIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final Api admin;

  Pop3SyncIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  private record Box(long id, MailUser user) {}

  private Box enabledPop3Mailbox() {
    Reply profile =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", unique("pop3"))
                .add("serverType", "POP3_SMTP")
                .add(
                    "incomingServer",
                    ServerCertificate.VALID.address() + ":" + servers.dovecot().pop3sPort())
                .add("outgoingServer", "smtp.invalid:465")
                .add("connectionTimeoutSeconds", 10)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .add("revocationCheck", "ON")
                .add("processEmailFrom", "2025-01-01T00:00:00Z")
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    MailUser mailUser = servers.dovecot().addUser(unique("pop"), "pw-" + UUID.randomUUID());
    Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", mailUser.name())
                .add("email", mailUser.address())
                .build()
                .toString());
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
                .build()
                .toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    Reply tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}");
    assertThat(tested.json().getBoolean("enabledForIncoming")).as(tested.toString()).isTrue();
    return new Box(mailboxId, mailUser);
  }

  private JsonObject sync(Box box) {
    Reply synced = admin.post("mailboxes/" + box.id() + "/sync", "");
    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    return synced.json();
  }

  private long recordCount(Box box) {
    return Long.parseLong(
        admin.get("emails?mailboxId=" + box.id() + "&limit=1").header("X-Total-Count"));
  }

  private void deliver(Box box, String subject, ZonedDateTime date) {
    servers
        .dovecot()
        .deliver(
            box.user().name(),
            Messages.plainText("sender@example.org", box.user().address(), subject, "Hi", date));
  }

  @Test
  void newPop3MessagesAreTakenOnceByUidlAndOldOnesNotAtAll() {
    Box box = enabledPop3Mailbox();
    deliver(box, "one", Messages.DEFAULT_DATE);
    deliver(box, "two", Messages.DEFAULT_DATE);
    deliver(
        box,
        "before the process-from date",
        ZonedDateTime.of(2019, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC));

    JsonObject first = sync(box);
    deliver(box, "three", Messages.DEFAULT_DATE);
    JsonObject second = sync(box);
    JsonObject third = sync(box);

    assertThat(
            first.getString("status")
                + " "
                + first.getInt("recorded")
                + " "
                + second.getInt("recorded")
                + " "
                + third.getInt("recorded")
                + " "
                + recordCount(box))
        .isEqualTo("SUCCEEDED 2 1 0 3");
  }
}
