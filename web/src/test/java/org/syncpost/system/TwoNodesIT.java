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
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.database.PrivatePostgres;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * Two SyncPost nodes (two {@code ./syncpost} launches, their own data directories and ports) on one
 * PostgreSQL with one credential key file split twenty Dovecot mailboxes by lease: every message
 * becomes exactly one record; when one node is killed (SIGKILL), the other takes its mailboxes over
 * within one lease period and finishes the work, still exactly once. Both nodes send too, through
 * the private Postfix to Dovecot: every email arrives once; when one node is killed while sending,
 * the other sends the rest, and only an email in flight at the kill may arrive twice (ADR 0007).
 */
@Timeout(1800)
class TwoNodesIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private static final int MAILBOXES = 20;
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static final int SENDERS = 6;
  private static final int EMAILS_PER_ROUND = 60;
  private static final Duration OUTGOING_LEASE = Duration.ofSeconds(20);
  private static final Pattern SENT_LINE =
      Pattern.compile("Email \\d+ of mailbox \\d+, attempt \\d+: SENT");

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
        String.valueOf(LEASE.toSeconds()),
        "SYNCPOST_OUTGOING_TICK_SECONDS",
        "2",
        "SYNCPOST_OUTGOING_LEASE_SECONDS",
        String.valueOf(OUTGOING_LEASE.toSeconds()));
  }

  /** Each test starts with both nodes up: another test may have killed one. */
  @BeforeEach
  void bothNodesRun() {
    for (SyncPostServer node : List.of(nodeA, nodeB)) {
      if (!node.isRunning()) {
        node.restart();
      }
    }
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

  /** Reads until {@code done} holds or {@code timeout} passed; the last read. */
  private static <T> T await(Callable<T> read, Predicate<T> done, Duration timeout)
      throws Exception {
    return Eventually.lastWithin(timeout, read::call, done);
  }

  private static Ingested awaitIngested(long total, Duration timeout) throws Exception {
    return await(TwoNodesIT::ingested, now -> now.total() >= total, timeout);
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
    // the dead node may have finished its last cycle before the kill (its mail recorded, its
    // lease not yet given back): then all mail is in before that lease runs out
    assertThat(await(() -> leasedBy("node-a"), List::isEmpty, LEASE.plus(Duration.ofSeconds(30))))
        .as("leases of the dead node, taken over within one lease period")
        .isEmpty();
  }

  /** The outgoing records by status, and their Message-IDs. */
  private record Outgoing(Map<String, Long> byStatus, List<String> messageIds) {
    long sent() {
      return byStatus.getOrDefault("SENT", 0L);
    }
  }

  private static Outgoing outgoing() throws SQLException {
    Map<String, Long> byStatus = new HashMap<>();
    List<String> messageIds = new ArrayList<>();
    try (Connection db = postgres.connect();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "select status, message_id from email_record where direction = 'OUTGOING'")) {
      while (rows.next()) {
        byStatus.merge(rows.getString(1), 1L, Long::sum);
        messageIds.add(rows.getString(2));
      }
    }
    return new Outgoing(byStatus, messageIds);
  }

  private static Outgoing awaitSent(long total, Duration timeout) throws Exception {
    return await(TwoNodesIT::outgoing, now -> now.sent() >= total, timeout);
  }

  /** The Message-IDs of the records a node left SENDING: in flight when it was killed. */
  private static List<String> stillSending() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection db = postgres.connect();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "select message_id from email_record where direction = 'OUTGOING'"
                        + " and status = 'SENDING'")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  /**
   * The Message-IDs in the recipient's INBOX once at least {@code expected} arrived (through
   * Postfix, a moment after they were sent) and no more came for two seconds.
   */
  private static List<String> awaitDelivered(MailUser recipient, int expected, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> delivered = servers.dovecot().messageIds(recipient.name(), "INBOX");
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline
        && (delivered.size() < expected
            || System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos())) {
      Thread.sleep(250);
      List<String> now = servers.dovecot().messageIds(recipient.name(), "INBOX");
      if (now.size() != delivered.size()) {
        quietSince = System.nanoTime();
      }
      delivered = now;
    }
    return delivered;
  }

  /** How many emails a node logged as accepted by the server (one line per send). */
  private static long emailsSentBy(SyncPostServer node) throws IOException {
    try (var lines = Files.lines(node.dataDir().resolve("logs/server.log"))) {
      return lines.filter(line -> SENT_LINE.matcher(line).find()).count();
    }
  }

  @Test
  void twoNodesSendEveryEmailOnceAndTheSurvivorFinishesAKilledNodesSending() throws Exception {
    Api onA = nodeA.admin();
    Api onB = nodeB.admin();
    long profileId = WorkingMailbox.profile(onA, servers, true);
    List<WorkingMailbox> senders = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      senders.add(WorkingMailbox.onProfile(onA, servers, profileId, true));
    }
    MailUser recipient = servers.dovecot().addUser(Bodies.unique("rcpt"), "recipient-password");
    long sentBefore = outgoing().sent();

    // every mailbox's emails created on both nodes in turn: each node starts sending what it
    // created, so both claim from the same mailboxes at once (and both ticks claim too)
    for (int i = 0; i < EMAILS_PER_ROUND; i++) {
      Api on = (i / SENDERS) % 2 == 0 ? onA : onB;
      senders.get(i % SENDERS).send(on, recipient.address(), "Both nodes " + i);
    }
    Outgoing first = awaitSent(sentBefore + EMAILS_PER_ROUND, Duration.ofMinutes(2));
    long sentByA = emailsSentBy(nodeA);
    long sentByB = emailsSentBy(nodeB);

    // node B sends what is created on it and is killed while at it; node A gets the rest
    for (int i = 0; i < EMAILS_PER_ROUND / 2; i++) {
      senders.get(i % SENDERS).send(onB, recipient.address(), "Killed node " + i);
    }
    nodeB.kill();
    Instant killed = Instant.now();
    List<String> inFlight = stillSending();
    for (int i = 0; i < EMAILS_PER_ROUND / 2; i++) {
      senders.get(i % SENDERS).send(onA, recipient.address(), "Survivor " + i);
    }
    int total = 2 * EMAILS_PER_ROUND;
    Outgoing second = awaitSent(sentBefore + total, OUTGOING_LEASE.plus(Duration.ofMinutes(2)));
    Duration finished = Duration.between(killed, Instant.now());
    List<String> delivered = awaitDelivered(recipient, total, Duration.ofMinutes(1));
    Map<String, Long> deliveries =
        delivered.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    List<String> twice =
        deliveries.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .toList();

    System.out.printf(
        "Two nodes sending: first round A=%d B=%d emails sent; at the kill %d in flight on B;"
            + " all %d sent %d s after the kill (outgoing lease %d s); %d delivered, %d twice%n",
        sentByA,
        sentByB,
        inFlight.size(),
        total,
        finished.toSeconds(),
        OUTGOING_LEASE.toSeconds(),
        delivered.size(),
        twice.size());
    assertThat(first.sent() - sentBefore).isEqualTo(EMAILS_PER_ROUND);
    assertThat(List.of(sentByA, sentByB))
        .as("both nodes sent")
        .allSatisfy(n -> assertThat(n).isPositive());
    assertThat(second.byStatus()).as("every record SENT").containsOnlyKeys("SENT");
    assertThat(second.sent()).isEqualTo(sentBefore + total);
    assertThat(deliveries.keySet()).as("every email arrived").hasSize(total);
    assertThat(second.messageIds()).containsAll(deliveries.keySet());
    assertThat(twice).as("arrived twice: only emails in flight at the kill").isSubsetOf(inFlight);
  }
}
