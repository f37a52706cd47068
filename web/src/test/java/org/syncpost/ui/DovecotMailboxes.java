package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Profiles and mailboxes on the private Dovecot (and Postfix, when the servers have it), made
 * through the API so that a browser test starts from the step it is about.
 */
final class DovecotMailboxes {

  /** A user's mailbox holding the credentials of a Dovecot account. */
  record Owner(MailUser user, long mailboxId) {}

  private final Api admin;
  private final MailServers servers;
  private final boolean sending;

  /**
   * @param sending the profile sends through the private Postfix (which {@code servers} must have);
   *     otherwise the profile only reads mail
   */
  DovecotMailboxes(Api admin, MailServers servers, boolean sending) {
    this.admin = admin;
    this.servers = servers;
    this.sending = sending;
  }

  /** A profile that reaches the private servers, trusting their test CA, for mail since 2020. */
  long profile(String name) {
    String outgoing =
        sending
            ? ServerCertificate.VALID.address() + ":" + servers.postfix().smtpsPort()
            : "smtp.invalid:465";
    Reply created =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", name)
                .add("serverType", "IMAP_SMTP")
                .add(
                    "incomingServer",
                    ServerCertificate.VALID.address() + ":" + servers.dovecot().imapsPort())
                .add("outgoingServer", outgoing)
                .add("connectionTimeoutSeconds", 5)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .add("processEmailFrom", "2020-01-01T00:00:00Z")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /** A new user whose mailbox holds the credentials of a new Dovecot account, not yet approved. */
  Owner owner() {
    MailUser mailUser = servers.dovecot().addUser(ProfilesUiIT.unique("uimbx"), "right-password");
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
    patch(
        mailboxId,
        Json.createObjectBuilder()
            .add("username", mailUser.address())
            .add("password", mailUser.password())
            .add("allowCredentialUse", true)
            .build());
    return new Owner(mailUser, mailboxId);
  }

  /** A mailbox of a new owner on a new profile: approved, tested and enabled for incoming mail. */
  Owner enabledForIncoming() {
    long profileId = profile(ProfilesUiIT.unique("ui-incoming"));
    Owner owner = owner();
    patch(
        owner.mailboxId(),
        Json.createObjectBuilder()
            .add("profileId", profileId)
            .add("incomingDeliveryMethod", "SERVER_SIDE_SYNC")
            .add("outgoingDeliveryMethod", "NONE")
            .build());
    admin.post("mailboxes/" + owner.mailboxId() + "/approve", "");
    Reply tested = admin.post("mailboxes/" + owner.mailboxId() + "/test-and-enable", "{}");
    assertThat(tested.json().getBoolean("enabledForIncoming")).as(tested.toString()).isTrue();
    return owner;
  }

  /** A mailbox of a new owner whose stored password Dovecot refuses: its test failed. */
  Owner failedItsTest() {
    long profileId = profile(ProfilesUiIT.unique("ui-refusing"));
    Owner owner = owner();
    patch(
        owner.mailboxId(),
        Json.createObjectBuilder()
            .add("profileId", profileId)
            .add("password", "not-the-password")
            .add("outgoingDeliveryMethod", "NONE")
            .build());
    Reply tested = admin.post("mailboxes/" + owner.mailboxId() + "/test-and-enable", "{}");
    assertThat(tested.json().getString("incomingStatus"))
        .as(tested.toString())
        .isEqualTo("FAILURE");
    return owner;
  }

  /** Runs incoming cycles of the mailbox until nothing waits on the server. */
  void syncUntilDone(Owner owner) {
    JsonObject outcome;
    do {
      Reply synced = admin.post("mailboxes/" + owner.mailboxId() + "/sync", "");
      assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
      outcome = synced.json();
      assertThat(outcome.getString("status")).as(outcome.toString()).isEqualTo("SUCCEEDED");
    } while (outcome.getBoolean("moreWaiting"));
  }

  private void patch(long mailboxId, JsonObject changes) {
    Reply patched = admin.patch("mailboxes/" + mailboxId, changes.toString());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
  }
}
