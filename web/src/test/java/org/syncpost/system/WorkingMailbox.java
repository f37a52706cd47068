package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;

/**
 * A user's mailbox that works both ways: its own profile on the private Dovecot (IMAPS) and Postfix
 * (SMTPS), its own Dovecot account, approved, tested and enabled for incoming and outgoing email.
 */
record WorkingMailbox(long id, long profileId, MailUser user) {

  static WorkingMailbox create(Api admin, MailServers servers) {
    return onProfile(admin, servers, profile(admin, servers, true), true);
  }

  /**
   * A profile on the private Dovecot (IMAPS), polled on every tick, and with {@code outgoing} the
   * private Postfix (SMTPS); its id.
   */
  static long profile(Api admin, MailServers servers, boolean outgoing) {
    JsonObjectBuilder body =
        PrivateServersProfile.named(unique("working"), servers)
            .add("connectionTimeoutSeconds", 10)
            .add("minPollingIntervalMinutes", 0)
            .add("processEmailFrom", "2020-01-01T00:00:00Z");
    if (!outgoing) {
      body.add("outgoingServer", "smtp.invalid:465");
    }
    Reply profile = admin.post("profiles", body.build().toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    return profile.json().getJsonNumber("id").longValue();
  }

  /** A new user's mailbox on {@code profileId}, tested and enabled (for outgoing too if asked). */
  static WorkingMailbox onProfile(
      Api admin, MailServers servers, long profileId, boolean outgoing) {
    MailUser mailUser = servers.dovecot().addUser(unique("box"), "pw-" + UUID.randomUUID());
    return onProfile(admin, mailUser, profileId, outgoing, null);
  }

  /**
   * {@code mailUser}'s mailbox on {@code profileId}, approved, tested and enabled (for outgoing too
   * if asked); its user signs in as a mailbox owner with {@code signInPassword} when there is one.
   */
  static WorkingMailbox onProfile(
      Api admin, MailUser mailUser, long profileId, boolean outgoing, String signInPassword) {
    long mailboxId =
        IncomingMailbox.configureOn(admin, profileId, mailUser, outgoing, signInPassword);
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    JsonObject tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}").json();
    assertThat(tested.getBoolean("enabledForIncoming")).as(tested.toString()).isTrue();
    assertThat(!outgoing || tested.getBoolean("enabledForOutgoing")).as(tested.toString()).isTrue();
    return new WorkingMailbox(mailboxId, profileId, mailUser);
  }

  /** Puts {@code count} new messages into the Dovecot INBOX, as mail arriving would. */
  void receive(MailServers servers, int count) {
    for (int i = 0; i < count; i++) {
      servers
          .dovecot()
          .deliver(
              user.name(),
              Messages.plainText(
                  "sender@example.org",
                  user.address(),
                  "arriving " + i,
                  "Hello " + i,
                  Messages.DEFAULT_DATE));
    }
  }

  /** Runs incoming cycles now until nothing waits; the messages recorded by them. */
  int syncNow(Api admin) {
    int recorded = 0;
    JsonObject outcome;
    do {
      Reply synced = admin.post("mailboxes/" + id + "/sync", "");
      assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
      outcome = synced.json();
      assertThat(outcome.getString("status")).as(outcome.toString()).isEqualTo("SUCCEEDED");
      recorded += outcome.getInt("recorded");
    } while (outcome.getBoolean("moreWaiting"));
    return recorded;
  }

  /** Sends an email from this mailbox over the API; its record's id. */
  long send(Api admin, String to, String subject) {
    Reply created =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", id)
                .add("to", Json.createArrayBuilder().add(to))
                .add("subject", subject)
                .add("textBody", "Hello from SyncPost")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /**
   * Polls an email record until {@code condition} holds or {@code timeout} passed; the last read.
   */
  static JsonObject awaitEmail(
      Api admin, long emailId, Predicate<JsonObject> condition, Duration timeout) {
    return Eventually.lastWithin(timeout, () -> admin.get("emails/" + emailId).json(), condition);
  }
}
