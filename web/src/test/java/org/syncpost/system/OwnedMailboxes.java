package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Mailboxes of SyncPost users who can sign in (role {@code mailbox-owner}), each on an account of
 * the private Dovecot, receiving over IMAPS and sending through the private Postfix; set up through
 * the REST API as the admin guide does: profile, user, credentials, approve, test & enable.
 */
final class OwnedMailboxes {

  /** A mailbox, its Dovecot account and how its owner signs in to SyncPost. */
  record OwnedMailbox(long id, MailUser mailUser, String login, String password) {}

  private final Api admin;
  private final MailServers servers;

  OwnedMailboxes(Api admin, MailServers servers) {
    this.admin = admin;
    this.servers = servers;
  }

  /** A new owner's mailbox, approved and enabled for incoming and outgoing email. */
  OwnedMailbox enabled() {
    Reply profile =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", unique("owned"))
                .add("serverType", "IMAP_SMTP")
                .add(
                    "incomingServer",
                    ServerCertificate.VALID.address() + ":" + servers.dovecot().imapsPort())
                .add(
                    "outgoingServer",
                    ServerCertificate.VALID.address() + ":" + servers.postfix().smtpsPort())
                .add("connectionTimeoutSeconds", 10)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .add("processEmailFrom", "2020-01-01T00:00:00Z")
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    MailUser mailUser = servers.dovecot().addUser(unique("owner"), "pw-" + UUID.randomUUID());
    String password = "signin-" + UUID.randomUUID();
    Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", mailUser.name())
                .add("email", mailUser.address())
                .add("roles", Json.createArrayBuilder().add("mailbox-owner"))
                .add("password", password)
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
                .add("outgoingDeliveryMethod", "SERVER_SIDE_SYNC")
                .add("folders", "INBOX")
                .build()
                .toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    JsonObject tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}").json();
    assertThat(tested.getBoolean("enabledForIncoming") && tested.getBoolean("enabledForOutgoing"))
        .as(tested.toString())
        .isTrue();
    return new OwnedMailbox(mailboxId, mailUser, mailUser.name(), password);
  }

  /** A new owner's mailbox as the user creation leaves it: no profile, not approved. */
  OwnedMailbox unconfigured() {
    String name = unique("owner");
    String password = "signin-" + UUID.randomUUID();
    Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", name)
                .add("email", name + "@example.org")
                .add("roles", Json.createArrayBuilder().add("mailbox-owner"))
                .add("password", password)
                .build()
                .toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    return new OwnedMailbox(
        user.json().getJsonNumber("mailboxId").longValue(), null, name, password);
  }
}
