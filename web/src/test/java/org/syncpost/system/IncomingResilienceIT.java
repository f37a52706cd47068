package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.IncomingMailboxes.Box;
import org.syncpost.system.IncomingMailboxes.Regarding;
import org.syncpost.testing.mail.ConnectionCountingProxy;
import org.syncpost.testing.mail.ConnectionCountingProxy.Cuts;
import org.syncpost.testing.mail.MailServers;

/**
 * Incoming synchronization over a network that drops connections: whatever point of a cycle a
 * connection is cut at, every message ends up exactly one record.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(900)
class IncomingResilienceIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private static final System.Logger LOGGER =
      System.getLogger(IncomingResilienceIT.class.getName());
  private static final int FIRST_IMPORT = 300;
  private static final int MAX_MESSAGES = 2_000;
  private static final int CUTS = 30;

  private final Api admin;
  private final IncomingMailboxes mailboxes;

  IncomingResilienceIT(SyncPostServer server) {
    this.admin = server.admin();
    this.mailboxes = new IncomingMailboxes(admin, servers);
  }

  @Test
  void everyMessageIsRecordedExactlyOnceThoughConnectionsAreCutAtRandomPoints() throws Exception {
    Box box = mailboxes.enabledMailbox();
    long seed = System.nanoTime();
    List<String> outcomes = new ArrayList<>();

    int seeded = importThroughCuts(box, seed, outcomes);

    assertExactlyOneRecordEach(box, seeded, seed, outcomes);
  }

  @Test
  void aQueueThatDeletesLosesNoMessageThoughConnectionsAreCutBetweenStoringAndDeleting()
      throws Exception {
    Box box =
        mailboxes.enabledMailbox(
            Regarding.QUEUE,
            "IMAP_SMTP",
            Json.createObjectBuilder().add("actionAfterProcessing", "DELETE").build());
    long seed = System.nanoTime();
    List<String> outcomes = new ArrayList<>();

    int seeded = importThroughCuts(box, seed, outcomes);
    // a cut after the last commit leaves its deletions pending until the next cycle
    mailboxes.syncUntilDone(box);

    assertExactlyOneRecordEach(box, seeded, seed, outcomes);
    assertThat(servers.dovecot().messageCount(box.user().name(), "INBOX"))
        .as("messages left in the INBOX (seed %d)", seed)
        .isZero();
  }

  /**
   * Seeds a first import, then more mail, and synchronises through a proxy that cuts {@value #CUTS}
   * connections anywhere from the TLS handshake to the last FETCH response (a first cycle of these
   * messages is about 200 KB): the import goes on only in the batches stored before a cut.
   *
   * @return how many messages were seeded
   */
  private int importThroughCuts(Box box, long seed, List<String> outcomes) throws Exception {
    JsonObject previousPolicy = admin.get("settings").json();
    // every cut is a transient failure: the policy must not give up on the mailbox meanwhile
    admin.patch("settings", "{\"transientRetryCount\": 100}");
    int seeded = 0;
    try (ConnectionCountingProxy proxy =
        ConnectionCountingProxy.cuttingConnections(
            "127.0.0.1", servers.dovecot().imapsPort(), new Cuts(CUTS, 250_000, seed))) {
      movedBehind(box, proxy);
      while (proxy.cutConnections() < CUTS && seeded < MAX_MESSAGES) {
        // more mail arrives, as on a live mailbox, until every cut was made
        int arriving = seeded == 0 ? FIRST_IMPORT : 20;
        mailboxes.append(box, arriving, false);
        seeded += arriving;
        syncThroughCutsUntilDone(box, outcomes);
      }
      LOGGER.log(
          System.Logger.Level.INFO,
          "{0} messages, {1} connections cut (seed {2}); cycles: {3}",
          seeded,
          proxy.cutConnections(),
          seed,
          outcomes);
      assertThat(proxy.cutConnections()).as("connections cut: %s", outcomes).isEqualTo(CUTS);
      movedBehind(box, servers.dovecot().imapsPort());
      return seeded;
    } finally {
      admin.patch(
          "settings",
          Json.createObjectBuilder()
              .add("transientRetryCount", previousPolicy.get("transientRetryCount"))
              .build()
              .toString());
    }
  }

  private void assertExactlyOneRecordEach(Box box, int seeded, long seed, List<String> outcomes) {
    List<JsonObject> records = mailboxes.allRecords(box);
    assertThat(records.stream().map(r -> r.getString("messageId")).distinct().count())
        .as("distinct Message-IDs of the records (seed %d): %s", seed, outcomes)
        .isEqualTo(seeded);
    assertThat(List.of(mailboxes.recordCount(box), (long) mailboxes.quarantine(box).size()))
        .as("records and quarantine entries (seed %d): %s", seed, outcomes)
        .containsExactly((long) seeded, 0L);
  }

  /** The profile reaches Dovecot through the proxy from now on; the mailbox stays enabled. */
  private void movedBehind(Box box, ConnectionCountingProxy proxy) {
    movedBehind(box, proxy.port());
  }

  /** The profile's incoming port is {@code port} (127.0.0.1) from now on. */
  private void movedBehind(Box box, int port) {
    Reply moved =
        admin.patch(
            "profiles/" + box.profileId(),
            Json.createObjectBuilder().add("incomingPort", port).build().toString());
    assertThat(moved.json().getInt("incomingPort")).as(moved.toString()).isEqualTo(port);
  }

  /**
   * Runs cycles until one succeeds with nothing waiting; a cut cycle answers {@code RETRYING} and
   * the next one goes on from what was stored. Each outcome is added to {@code outcomes}, for the
   * assertion messages.
   */
  private void syncThroughCutsUntilDone(Box box, List<String> outcomes) {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject outcome = mailboxes.syncOnce(box);
      String status = outcome.getString("status");
      outcomes.add(
          status
              + (outcome.isNull("errorCode") ? "" : " " + outcome.getString("errorCode"))
              + " "
              + outcome.getInt("recorded"));
      assertThat(status).as("outcomes so far: %s", outcomes).isIn("SUCCEEDED", "RETRYING");
      if (status.equals("SUCCEEDED") && !outcome.getBoolean("moreWaiting")) {
        return;
      }
    }
    throw new AssertionError("no cycle completed within 10 minutes: " + outcomes);
  }
}
