package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * A profile's sending limit per minute holds in every minute, through the private Postfix into
 * Dovecot. It waits out more than a minute, on the restartable SyncPost, whose settings and records
 * no class of the shared server reads.
 */
@ExtendWith(RestartableSyncPost.class)
@Timeout(300)
class SendingRateIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final Api admin;
  private final OutgoingEmails emails;

  SendingRateIT(SyncPostServer server) {
    this.admin = server.admin();
    this.emails = new OutgoingEmails(admin);
  }

  @Test
  @MinuteBound
  void aProfileLimitedTo30EmailsAMinuteSendsNoMoreThan30InAnyMinute() {
    long sender = senderLimitedToAMinute(30);
    MailUser recipient = servers.dovecot().addUser(unique("rcpt"), "recipient-password");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(emails.send(sender, recipient.address(), "Rated " + i));
    }

    List<Instant> sentOn = new ArrayList<>();
    for (long id : ids) {
      JsonObject email =
          emails.await(id, e -> e.getString("status").equals("SENT"), Duration.ofMinutes(3));
      assertThat(email.getString("status")).as("email %d", id).isEqualTo("SENT");
      sentOn.add(Instant.parse(email.getString("sentOn")));
    }

    sentOn.sort(null);
    // the 31st email may go only once the first is more than a minute old, and so on
    for (int i = 0; i + 30 < sentOn.size(); i++) {
      assertThat(Duration.between(sentOn.get(i), sentOn.get(i + 30)))
          .as("between email %d and email %d of %s", i, i + 30, sentOn)
          .isGreaterThan(Duration.ofMinutes(1));
    }
    assertThat(
            servers
                .dovecot()
                .awaitMessageCount(recipient.name(), "INBOX", 40, Duration.ofSeconds(30)))
        .isEqualTo(40);
  }

  /** A mailbox that sends through a profile allowing {@code perMinute} emails a minute. */
  private long senderLimitedToAMinute(int perMinute) {
    Reply profile =
        admin.post(
            "profiles",
            PrivateServersProfile.named(unique("rated"), servers)
                .add("connectionTimeoutSeconds", 5)
                .add("maxMessagesPerMinute", perMinute)
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    long profileId = profile.json().getJsonNumber("id").longValue();
    return WorkingMailbox.onProfile(admin, servers, profileId, true).id();
  }
}
