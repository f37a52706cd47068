package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.IncomingMailboxes.Box;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;

/**
 * A mailbox that SyncPost disabled because the server refused its password is tested again by
 * itself, and enabled once the server accepts the password. It shortens the organisation's re-test
 * interval to a minute and waits it out, on the restartable SyncPost, whose settings no class of
 * the shared server reads.
 */
@ExtendWith(RestartableSyncPost.class)
@Timeout(300)
class DisabledMailboxRetestIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final Api admin;
  private final IncomingMailboxes mailboxes;

  DisabledMailboxRetestIT(SyncPostServer server) {
    this.admin = server.admin();
    this.mailboxes = new IncomingMailboxes(admin, servers);
  }

  @Test
  @MinuteBound
  void aMailboxDisabledByARefusedPasswordIsEnabledAgainByItselfOnceTheServerAcceptsIt()
      throws Exception {
    JsonObject previous = admin.get("settings").json();
    // before the mailbox exists: the scheduler's own poll, which may meet the refused password
    // first, reads the interval when it claims the mailbox, and a claim made before the change
    // plans the re-test for the default interval, past this test's patience
    admin.patch("settings", "{\"disabledRetestMinutes\": 1}");
    try {
      Box box = mailboxes.enabledMailbox();
      servers.dovecot().addUser(box.user().name(), "changed-elsewhere");
      JsonObject disabled = mailboxes.syncOnce(box);
      // the scheduler's own poll may have met the refused password first
      assertThat(disabled.getString("status"))
          .as(disabled.toString())
          .isIn("DISABLED", "NOT_ENABLED");
      JsonObject waiting = mailboxes.mailbox(box);
      assertThat(
              waiting.getBoolean("enabledForIncoming")
                  + " "
                  + waiting.getBoolean("incomingDisabledByPolicy")
                  + " "
                  + waiting.getInt("consecutiveErrors")
                  + " "
                  + waiting.getString("lastErrorCode"))
          .isEqualTo("false true 1 authentication-failed");
      // the password is put right on the server, not in SyncPost: no one tests & enables
      servers.dovecot().addUser(box.user().name(), box.user().password());

      Eventually.lastWithin(
          Duration.ofMinutes(4),
          () -> mailboxes.mailbox(box).getBoolean("enabledForIncoming"),
          Boolean.TRUE::equals);

      JsonObject mailbox = mailboxes.mailbox(box);
      assertThat(
              mailbox.getBoolean("enabledForIncoming")
                  + " "
                  + mailbox.getBoolean("incomingDisabledByPolicy")
                  + " "
                  + mailbox.getInt("consecutiveErrors"))
          .isEqualTo("true false 0");
      assertThat(mailboxes.alertsOf(box)).contains("INFORMATION incoming-reenabled");
    } finally {
      admin.patch(
          "settings",
          Json.createObjectBuilder()
              .add("disabledRetestMinutes", previous.get("disabledRetestMinutes"))
              .build()
              .toString());
    }
  }
}
