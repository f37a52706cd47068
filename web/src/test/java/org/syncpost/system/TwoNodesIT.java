package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.testing.database.PrivatePostgres;
import org.syncpost.testing.mail.MailServers;

/**
 * Two SyncPost nodes (two {@code ./syncpost} launches, their own data directories and ports) on one
 * PostgreSQL with one credential key file split twenty Dovecot mailboxes by lease: every message
 * becomes exactly one record; when one node is killed (SIGKILL), the other takes its mailboxes over
 * within one lease period and finishes the work, still exactly once.
 */
@Timeout(1800)
class TwoNodesIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private static final int MAILBOXES = 20;
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static PrivatePostgres postgres;
  private static Path sharedKeys;
  private static SyncPostServer nodeA;
  private static SyncPostServer nodeB;

  @BeforeAll
  static void startTwoNodes() throws IOException {
    postgres = PrivatePostgres.start();
    sharedKeys = Files.createTempDirectory("syncpost-shared-keys-");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(
        sharedKeys.resolve("credential-keys"),
        "kshared=" + Base64.getEncoder().encodeToString(key) + "\n");
    // one after the other: the first migrates the schema and creates the administrator
    nodeA = SyncPostServer.start(environment("node-a"));
    nodeB = SyncPostServer.start(environment("node-b"));
  }

  private static Map<String, String> environment(String node) {
    return Map.of(
        "SYNCPOST_DB_URL",
        postgres.jdbcUrl(),
        "SYNCPOST_DB_USER",
        PrivatePostgres.USER,
        "SYNCPOST_DB_PASSWORD",
        PrivatePostgres.PASSWORD,
        "SYNCPOST_CRYPTO_KEY_FILE",
        sharedKeys.resolve("credential-keys").toString(),
        "SYNCPOST_NODE_ID",
        node,
        "SYNCPOST_INCOMING_TICK_SECONDS",
        "2",
        "SYNCPOST_INCOMING_LEASE_SECONDS",
        String.valueOf(LEASE.toSeconds()));
  }

  @AfterAll
  static void stopEverything() throws IOException {
    try {
      for (SyncPostServer node : new SyncPostServer[] {nodeA, nodeB}) {
        if (node != null) {
          node.close();
        }
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      if (sharedKeys != null) {
        try (var files = Files.walk(sharedKeys)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** Incoming records per mailbox, and whether any Message-ID was recorded twice. */
  private record Ingested(Map<Long, Long> perMailbox, long duplicates) {
    long total() {
      return perMailbox.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Ingested ingested() throws SQLException {
    Map<Long, Long> perMailbox = new HashMap<>();
    try (Connection db = postgres.connect()) {
      try (ResultSet rows =
          db.createStatement()
              .executeQuery(
                  "select r.mailbox_id, count(*) from email_receiving_mailbox r"
                      + " join email_record e on e.id = r.email_id"
                      + " where e.direction = 'INCOMING' group by r.mailbox_id")) {
        while (rows.next()) {
          perMailbox.put(rows.getLong(1), rows.getLong(2));
        }
      }
      try (ResultSet row =
          db.createStatement()
              .executeQuery(
                  "select count(*) - count(distinct message_id) from email_record"
                      + " where direction = 'INCOMING'")) {
        row.next();
        return new Ingested(perMailbox, row.getLong(1));
      }
    }
  }

  private static Ingested awaitIngested(long total, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Ingested now = ingested();
    while (now.total() < total && System.nanoTime() < deadline) {
      Thread.sleep(500);
      now = ingested();
    }
    return now;
  }

  /** Waits until no mailbox is leased by {@code node}; what it still holds at the timeout. */
  private static List<Long> awaitNoLeasesOf(String node, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Long> held = leasedBy(node);
    while (!held.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      held = leasedBy(node);
    }
    return held;
  }

  private static List<Long> leasedBy(String node) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection db = postgres.connect();
        var statement = db.prepareStatement("select id from mailbox where lease_owner = ?")) {
      statement.setString(1, node);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  /** The mailboxes whose cycles recorded mail on a node, from its log's one line per cycle. */
  private static long mailboxesWorkedOn(SyncPostServer node) throws IOException {
    try (var lines = Files.lines(node.dataDir().resolve("logs/server.log"))) {
      return lines
          .map(
              line ->
                  java.util.regex.Pattern.compile(
                          "Incoming cycle of mailbox (\\d+): SUCCEEDED, [1-9]\\d* recorded")
                      .matcher(line))
          .filter(java.util.regex.Matcher::find)
          .map(m -> m.group(1))
          .collect(Collectors.toSet())
          .size();
    }
  }

  @Test
  void twoNodesIngestEveryMessageOnceAndTheSurvivorTakesOverAKilledNodesMailboxes()
      throws Exception {
    Api admin = nodeA.admin();
    long profileId = WorkingMailbox.profile(admin, servers, false);
    List<WorkingMailbox> boxes = new ArrayList<>();
    for (int i = 0; i < MAILBOXES; i++) {
      boxes.add(WorkingMailbox.onProfile(admin, servers, profileId, false));
    }

    boxes.forEach(box -> box.receive(servers, 5));
    Ingested first = awaitIngested(5L * MAILBOXES, Duration.ofMinutes(5));
    long workedOnByA = mailboxesWorkedOn(nodeA);
    long workedOnByB = mailboxesWorkedOn(nodeB);

    // killed first, then the mail: what node A held when it died, node B must take over to ingest
    // (mail delivered before the kill could be ingested by A itself, leases and all, in the second
    // it takes to deliver it)
    nodeA.kill();
    Instant killed = Instant.now();
    List<Long> heldByTheDeadNode = leasedBy("node-a");
    boxes.forEach(box -> box.receive(servers, 10));
    Ingested second = awaitIngested(15L * MAILBOXES, LEASE.plus(Duration.ofMinutes(3)));
    Duration takeover = Duration.between(killed, Instant.now());
    List<Long> stillHeldByTheDeadNode =
        awaitNoLeasesOf("node-a", LEASE.plus(Duration.ofMinutes(1)));

    System.out.printf(
        "Two nodes: first round split A=%d B=%d mailboxes; at the kill node A held %s;"
            + " all %d ingested %d s after the kill (lease %d s)%n",
        workedOnByA,
        workedOnByB,
        heldByTheDeadNode,
        second.total(),
        takeover.toSeconds(),
        LEASE.toSeconds());
    assertThat(first.perMailbox().values()).hasSize(MAILBOXES).containsOnly(5L);
    assertThat(List.of(workedOnByA, workedOnByB))
        .as("both nodes took mailboxes")
        .allSatisfy(n -> assertThat(n).isPositive());
    assertThat(second.perMailbox().values()).hasSize(MAILBOXES).containsOnly(15L);
    assertThat(second.duplicates()).isZero();
    assertThat(stillHeldByTheDeadNode).as("leases of the dead node, taken over").isEmpty();
  }
}
