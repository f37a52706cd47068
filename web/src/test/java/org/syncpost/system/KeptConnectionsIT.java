package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * A quiet mailbox's scheduled polls (issue 19, ADR 0026): over the connection kept since the last
 * one, each poll is a single STATUS; a kept connection the server closed is replaced at the next
 * poll without a failure or an alert, and new mail is still taken.
 */
@ExtendWith(RestartableSyncPost.class)
@Timeout(300)
class KeptConnectionsIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final SyncPostServer server;

  KeptConnectionsIT(SyncPostServer server) {
    // a poll every second (RestartableSyncPost), not every ten
    this.server = server;
  }

  @Test
  void aQuietMailboxIsPolledByOneStatusOverItsKeptConnectionWhichIsReplacedWhenTheServerClosesIt()
      throws Exception {
    Api admin = server.admin();
    MailUser user = servers.dovecot().addUser(Bodies.unique("kept"), "pw-" + UUID.randomUUID());
    servers.dovecot().recordImapCommands(user.name());
    IncomingMailbox box =
        IncomingMailbox.on(admin, servers.dovecot(), servers.certificates())
            .pollingEveryMinutes(0)
            .create(user);

    Eventually.lastWithin(Duration.ofSeconds(90), () -> statusCommands(user).size(), n -> n >= 4);

    List<String> polling = statusCommands(user);
    // the first STATUS poll may follow the first full look on the same connection; from then
    // on, one command per poll and no new connection
    assertThat(polling.subList(1, polling.size())).allMatch(c -> c.startsWith("STATUS "));
    int connectionsBefore = servers.dovecot().imapCommands(user.name()).size();

    servers.dovecot().kick(user.name());
    servers
        .dovecot()
        .deliver(
            user.name(),
            IncomingMailboxes.message(
                "after the cut", "<" + UUID.randomUUID() + "@kept.test>", ""));
    Eventually.lastWithin(Duration.ofSeconds(90), () -> recordCount(admin, box.id()), n -> n > 0);

    JsonObject mailbox = admin.get("mailboxes/" + box.id()).json();
    assertThat(
            recordCount(admin, box.id())
                + " records, "
                + mailbox.getInt("consecutiveErrors")
                + " errors, warnings "
                + admin.get("alerts?mailboxId=" + box.id()).array().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(a -> !a.getString("level").equals("INFORMATION"))
                    .map(a -> a.getString("code"))
                    .toList()
                + ", new connections "
                + (servers.dovecot().imapCommands(user.name()).size() - connectionsBefore))
        .isEqualTo("1 records, 0 errors, warnings [], new connections 1");
  }

  /** The commands of the connection that polls by STATUS, in order; empty when none does yet. */
  private static List<String> statusCommands(MailUser user) {
    for (List<String> connection : servers.dovecot().imapCommands(user.name())) {
      if (connection.stream().anyMatch(c -> c.startsWith("STATUS "))) {
        int first = 0;
        while (!connection.get(first).startsWith("STATUS ")) {
          first++;
        }
        return connection.subList(first, connection.size()).stream()
            .filter(c -> !c.startsWith("LOGOUT"))
            .toList();
      }
    }
    return List.of();
  }

  private static long recordCount(Api admin, long mailboxId) {
    return Long.parseLong(
        admin.get("emails?mailboxId=" + mailboxId + "&limit=1").header("X-Total-Count"));
  }
}
