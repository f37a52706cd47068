package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Duration;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.IncomingMailboxes.Box;
import org.syncpost.system.IncomingMailboxes.Regarding;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;

/**
 * SyncPost killed (SIGKILL) in the middle of a large first import, then started again on the same
 * data directory: the dead run's lease of the mailbox expires, the import goes on, and every
 * message is exactly one record. On the {@link RestartableSyncPost}: a small per-cycle cap (so the
 * import takes many cycles), a one-second tick and a short lease.
 */
@ExtendWith(RestartableSyncPost.class)
@Timeout(900)
class IncomingCrashIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  /**
   * Enough that the kill, which follows the 300th record within a poll of the count, lands well
   * before the end: 22 capped cycles (2,200 messages) are still waiting, seconds of import even at
   * the fastest rate measured here (≈ 1,000 messages/s). With 1,200, all were taken before the
   * count was first read.
   */
  private static final int MESSAGES = 2_500;

  private final SyncPostServer server;

  IncomingCrashIT(SyncPostServer server) {
    this.server = server;
  }

  @Test
  void aLargeImportKilledMidwayEndsWithExactlyOneRecordPerMessageAfterTheRestart()
      throws Exception {
    IncomingMailboxes mailboxes = new IncomingMailboxes(server.admin(), servers);
    // in the mailbox before it is enabled: appended afterwards, the import runs beside the
    // append, and may be over before the count is first read
    IncomingMailboxes seeding = mailboxes;
    Box box =
        mailboxes.enabledMailbox(
            Regarding.USER,
            "IMAP_SMTP",
            Json.createObjectBuilder().build(),
            user -> seeding.append(user, MESSAGES, false));
    long beforeKill = awaitRecords(mailboxes, box, count -> count >= 300, Duration.ofMinutes(5));
    assertThat(beforeKill).as("records when SyncPost is killed").isBetween(300L, MESSAGES - 1L);

    server.kill();
    server.restart();

    mailboxes = new IncomingMailboxes(server.admin(), servers);
    long afterRestart =
        awaitRecords(mailboxes, box, count -> count >= MESSAGES, Duration.ofMinutes(8));
    mailboxes.syncUntilDone(box);
    assertThat(
            mailboxes.allRecords(box).stream()
                .map(r -> r.getString("messageId"))
                .distinct()
                .count())
        .as("distinct Message-IDs among the %d records", afterRestart)
        .isEqualTo(MESSAGES);
    assertThat(mailboxes.recordCount(box)).isEqualTo(MESSAGES);
  }

  /** Polls the record count until {@code reached} holds or the time is up; the last count. */
  private static long awaitRecords(
      IncomingMailboxes mailboxes, Box box, LongPredicate reached, Duration timeout)
      throws InterruptedException {
    return Eventually.lastWithin(timeout, () -> mailboxes.recordCount(box), reached::test);
  }
}
