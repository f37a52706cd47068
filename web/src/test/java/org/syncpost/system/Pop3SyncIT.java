package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
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
import org.syncpost.testing.Eventually;
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

  /**
   * The mailbox's record count once it reached {@code count} (or after 30 seconds): the scheduler
   * polls a mailbox as soon as it is enabled, so its cycle and a "sync now" race for the same
   * messages, and the loser answers {@code BUSY} or records none; the records are what counts.
   */
  private long recordsOnceThereAreAtLeast(long count, Box box) {
    return Eventually.lastWithin(Duration.ofSeconds(30), () -> recordCount(box), n -> n >= count);
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

    sync(box);
    long afterFirst = recordsOnceThereAreAtLeast(2, box);
    deliver(box, "three", Messages.DEFAULT_DATE);
    sync(box);
    long afterSecond = recordsOnceThereAreAtLeast(3, box);
    JsonObject third = sync(box);

    assertThat(
            afterFirst
                + " "
                + afterSecond
                + " "
                + third.getInt("recorded")
                + " "
                + recordCount(box))
        .isEqualTo("2 3 0 3");
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

    sync(box);
    long recorded = recordsOnceThereAreAtLeast(1, box);

    JsonObject mailbox = admin.get("mailboxes/" + box.id()).json();
    assertThat(
            recorded
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
    recordsOnceThereAreAtLeast(1, box);
    deliver(box, "misdated import", ZonedDateTime.of(2019, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC));
    sync(box);

    assertThat(recordsOnceThereAreAtLeast(2, box)).isEqualTo(2);
  }
}
