package org.syncpost.system;

import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

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
    MailUser mailUser = servers.dovecot().addUser(unique("owner"), "pw-" + UUID.randomUUID());
    String password = "signin-" + UUID.randomUUID();
    long profileId = WorkingMailbox.profile(admin, servers, true);
    WorkingMailbox mailbox = WorkingMailbox.onProfile(admin, mailUser, profileId, true, password);
    return new OwnedMailbox(mailbox.id(), mailUser, mailUser.name(), password);
  }

  /** A new owner's mailbox as the user creation leaves it: no profile, not approved. */
  OwnedMailbox unconfigured() {
    String name = unique("owner");
    String password = "signin-" + UUID.randomUUID();
    JsonObject user = SignInUsers.create(admin, name, password, "mailbox-owner");
    return new OwnedMailbox(user.getJsonNumber("mailboxId").longValue(), null, name, password);
  }
}
