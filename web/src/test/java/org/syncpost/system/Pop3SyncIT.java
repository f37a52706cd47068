package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.IncomingMailboxes.Box;
import org.syncpost.system.IncomingMailboxes.Regarding;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;

/** Incoming synchronization of a POP3 mailbox by UIDL, against a private Dovecot over POP3S. */
@ExtendWith(SharedSyncPost.class)
@Timeout(180)
class Pop3SyncIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final Api admin;
  private final IncomingMailboxes mailboxes;

  Pop3SyncIT(SyncPostServer server) {
    this.admin = server.admin();
    this.mailboxes = new IncomingMailboxes(admin, servers);
  }

  /** A POP3 mailbox enabled with {@code firstMail} already waiting, taken by its first cycle. */
  private Box enabledPop3Mailbox(Consumer<MailUser> firstMail) {
    return mailboxes.enabledMailbox(
        Regarding.USER, "POP3_SMTP", Json.createObjectBuilder().build(), firstMail);
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
    deliver(box.user(), subject, date);
  }

  private void deliver(MailUser user, String subject, ZonedDateTime date) {
    servers
        .dovecot()
        .deliver(
            user.name(),
            Messages.plainText("sender@example.org", user.address(), subject, "Hi", date));
  }

  @Test
  void newPop3MessagesAreTakenOnceByUidlAndOldOnesNotAtAll() {
    Box box =
        enabledPop3Mailbox(
            user -> {
              deliver(user, "one", Messages.DEFAULT_DATE);
              deliver(user, "two", Messages.DEFAULT_DATE);
              deliver(
                  user,
                  "before the process-from date",
                  ZonedDateTime.of(2019, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC));
            });

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

  @Test
  void aMessageDatedByAnUnsetClockIsTakenAndAPlausiblyOldOneIsCountedAsLeftOut() {
    Box box =
        enabledPop3Mailbox(
            user -> {
              deliver(
                  user,
                  "from a device with a 1970 clock",
                  ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
              deliver(
                  user,
                  "before the process-from date",
                  ZonedDateTime.of(2019, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC));
            });

    JsonObject synced = sync(box);

    JsonObject mailbox = admin.get("mailboxes/" + box.id()).json();
    assertThat(
            synced.getInt("recorded")
                + " "
                + mailbox.getJsonNumber("skippedBeforeProcessFrom")
                + " "
                + mailbox.getString("lastSkippedDate"))
        .isEqualTo("1 1 2019-05-01T08:00:00Z");
  }

  @Test
  void afterTheFirstPop3CycleEveryNewMessageIsTakenWhateverItsDate() {
    Box box = enabledPop3Mailbox(user -> deliver(user, "one", Messages.DEFAULT_DATE));
    sync(box);
    deliver(box, "misdated import", ZonedDateTime.of(2019, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC));

    assertThat(sync(box).getInt("recorded")).isEqualTo(1);
  }
}
