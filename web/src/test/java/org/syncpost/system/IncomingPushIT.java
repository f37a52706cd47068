package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.Messages;

/**
 * Push (IMAP IDLE) end to end on a running SyncPost: a mailbox that asks for push gets its new mail
 * within seconds, although its next poll is an hour away; on a server without IDLE it is polled
 * instead.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class IncomingPushIT {

  // push, against a next poll an hour away: seconds, with room for a CI machine busy with the suite
  // (p50 under one second when measured alone, see LatencyBenchmark)
  private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  @RegisterExtension
  static final MailServers serversWithoutIdle = MailServers.withDovecotWithoutIdle();

  private final Api admin;

  IncomingPushIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  private static byte[] message(String subject) {
    return Messages.plainText(
        "sender@example.org",
        "someone@syncpost.test",
        subject,
        "Hello " + subject,
        Messages.DEFAULT_DATE,
        "<" + UUID.randomUUID() + "@push.test>");
  }

  private static String pushStatus(IncomingMailbox box) {
    return box.json().getString("pushStatus");
  }

  private static boolean nextPollIsLaterThan(IncomingMailbox box, Duration fromNow) {
    String next = box.json().getString("nextIncomingPollAt", null);
    return next != null && Instant.parse(next).isAfter(Instant.now().plus(fromNow));
  }

  /** A pushing mailbox polled hourly, once it listens and its first cycle is done. */
  private IncomingMailbox listeningMailbox() {
    IncomingMailbox box =
        IncomingMailbox.on(admin, servers.dovecot(), servers.certificates())
            .pollingEveryMinutes(60)
            .push(true)
            .create();
    assertThat(
            IncomingMailbox.await(
                () ->
                    "LISTENING".equals(pushStatus(box))
                        && nextPollIsLaterThan(box, Duration.ofMinutes(50)),
                Duration.ofSeconds(90)))
        .as("listening, and the next poll an hour away: %s", box.json())
        .isTrue();
    return box;
  }

  @Test
  void aMessageDeliveredToAPushingMailboxIsARecordWithinSecondsThoughItsNextPollIsAnHourAway() {
    IncomingMailbox box = listeningMailbox();

    servers.dovecot().deliver(box.user().name(), message("pushed"));
    long delivered = System.nanoTime();
    boolean recorded = IncomingMailbox.await(() -> box.recordCount() == 1, Duration.ofSeconds(60));
    Duration took = Duration.ofNanos(System.nanoTime() - delivered);

    assertThat(recorded && took.compareTo(WITHIN_SECONDS) <= 0)
        .as("recorded=%s after %s ms", recorded, took.toMillis())
        .isTrue();
  }

  @Test
  void aMailboxWhosePushIsSwitchedOffStopsListening() {
    IncomingMailbox box = listeningMailbox();

    Api.Reply off =
        admin.patch(
            "mailboxes/" + box.id(),
            Json.createObjectBuilder().add("pushIncomingEmail", "OFF").build().toString());
    assertThat(off.status()).as(off.toString()).isEqualTo(200);

    assertThat(
            IncomingMailbox.await(
                () -> "NOT_REQUESTED".equals(pushStatus(box)), Duration.ofSeconds(60)))
        .as("no longer listening: %s", box.json())
        .isTrue();
  }

  @Test
  void aPushingMailboxOnAServerWithoutIdleIsPolledInstead() {
    IncomingMailbox box =
        IncomingMailbox.on(admin, serversWithoutIdle.dovecot(), serversWithoutIdle.certificates())
            .pollingEveryMinutes(0)
            .push(true)
            .create();
    assertThat(
            IncomingMailbox.await(
                () -> "NOT_OFFERED".equals(pushStatus(box)), Duration.ofSeconds(90)))
        .as("push not offered: %s", box.json())
        .isTrue();

    serversWithoutIdle.dovecot().deliver(box.user().name(), message("polled"));

    assertThat(IncomingMailbox.await(() -> box.recordCount() == 1, Duration.ofSeconds(90)))
        .as("taken by polling: %s", box.json())
        .isTrue();
  }
}
