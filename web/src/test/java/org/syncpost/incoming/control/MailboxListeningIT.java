package org.syncpost.incoming.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailbox.entity.PushStatus;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.FailureTranslator;
import org.syncpost.mailserver.control.MailSessions;
import org.syncpost.mailserver.control.TrustPolicy;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TlsMode;
import org.syncpost.mailserver.entity.TrustSettings;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.ConnectionCountingProxy;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * The IDLE connections of a mailbox against real Dovecot: they wake the mailbox when mail arrives,
 * renew IDLE on the same connection, hold their connection slots, and end with "not offered" on a
 * server without IDLE. What they tell {@link PushListeners} is recorded by a hand-written fake.
 */
@Timeout(60)
class MailboxListeningIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  @RegisterExtension
  static final MailServers serversWithoutIdle = MailServers.withDovecotWithoutIdle();

  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final ConnectionLimiter limiter = new ConnectionLimiter();
  private final MailSessions sessions =
      new MailSessions(new TrustPolicy(), new FailureTranslator());
  private final BlockingQueue<Long> woken = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> told = new LinkedBlockingQueue<>();
  private final BlockingQueue<Duration> pauses = new LinkedBlockingQueue<>();
  private MailboxListening listening;

  /** Records what the listeners tell their owner instead of writing it to the database. */
  private final PushListeners owner =
      new PushListeners() {
        @Override
        void listening(long mailboxId) {
          told.add("LISTENING");
        }

        @Override
        void ended(long mailboxId, PushStatus status, String text, Duration retryAfter) {
          pauses.add(retryAfter);
          told.add(status + ": " + text);
        }

        @Override
        void stopped(long mailboxId, PushStatus status, String text) {
          told.add("stopped");
        }
      };

  @AfterEach
  void stop() {
    if (listening != null) {
      listening.stop(PushStatus.NOT_REQUESTED, null);
    }
    timer.shutdown();
  }

  private PushTarget target(MailServers on, MailUser user, int profileMax) {
    return target(
        on, ServerCertificate.VALID.address(), on.dovecot().imapsPort(), user, profileMax);
  }

  /** A target reached at {@code host:port}, e.g. a proxy in front of {@code on}'s Dovecot. */
  private PushTarget target(MailServers on, String host, int port, MailUser user, int profileMax) {
    Endpoint endpoint =
        new Endpoint(
            MailProtocol.IMAP,
            host,
            port,
            TlsMode.IMPLICIT,
            1,
            user.name(),
            Secret.of(user.password()),
            AuthProtocol.AUTO_DETECT,
            new TrustSettings(on.certificates().caCertificatePem(), RevocationCheck.OFF),
            "mailbox-7-incoming",
            profileMax);
    return new PushTarget(7, "push test", endpoint, List.of("INBOX"), 3L, profileMax, "sig");
  }

  /** IDLE renewed every minute; the connection's read timeout is one second. */
  private void listen(PushTarget target) {
    listen(target, Duration.ofMinutes(1));
  }

  private void listen(PushTarget target, Duration renewAfter) {
    listening =
        new MailboxListening(target, owner, woken::add, renewAfter, sessions, limiter, timer);
    listening.start(Executors.defaultThreadFactory());
  }

  private static byte[] message() {
    return Messages.plainText(
        "sender@example.org", "someone@syncpost.test", "pushed", "Hello", Messages.DEFAULT_DATE);
  }

  @Test
  void aDeliveredMessageWakesTheMailbox() throws Exception {
    MailUser user = servers.dovecot().addUser("idle-" + UUID.randomUUID(), "secret");
    listen(target(servers, user, 10));
    assertThat(told.poll(20, TimeUnit.SECONDS)).isEqualTo("LISTENING");
    assertThat(woken.poll(5, TimeUnit.SECONDS))
        .as("the catch-up wake after connecting")
        .isEqualTo(7L);

    servers.dovecot().deliver(user.name(), message());

    assertThat(woken.poll(10, TimeUnit.SECONDS)).as("woken by the new message").isEqualTo(7L);
    assertThat(told).as("nothing ended").isEmpty();
  }

  /**
   * Renewed every 3 s while the connection's read timeout is 1 s: each IDLE outlives quiet read
   * timeouts, and the listener itself ends it (DONE) before the deadline and issues it again on the
   * same connection, with no other command in between.
   */
  @Test
  void idleIsRenewedOnTheSameConnection() throws Exception {
    MailUser user = servers.dovecot().addUser("idle-" + UUID.randomUUID(), "secret");
    servers.dovecot().recordImapCommands(user.name());
    listen(target(servers, user, 10), Duration.ofSeconds(3));
    assertThat(told.poll(20, TimeUnit.SECONDS)).isEqualTo("LISTENING");

    BooleanSupplier renewedOnOneConnection =
        () -> {
          List<List<String>> connections = servers.dovecot().imapCommands(user.name());
          return connections.size() == 1
              && connections.get(0).stream().filter("IDLE"::equals).count() >= 4;
        };
    boolean renewed = awaitTrue(renewedOnOneConnection);
    assertThat(told).as("nothing ended").isEmpty();
    if (!renewed) {
      // Dovecot may hold a connection's rawlog in its buffer until the connection ends
      listening.stop(PushStatus.NOT_REQUESTED, null);
      renewed = awaitTrue(renewedOnOneConnection);
    }

    assertThat(renewed)
        .as("IMAP commands: %s", servers.dovecot().imapCommands(user.name()))
        .isTrue();
    List<String> commands = servers.dovecot().imapCommands(user.name()).get(0);
    int firstIdle = commands.indexOf("IDLE");
    assertThat(commands.subList(firstIdle, firstIdle + 6))
        .as("IDLE and DONE only: %s", commands)
        .containsExactly("IDLE", "DONE", "IDLE", "DONE", "IDLE", "DONE");
  }

  @Test
  void aDroppedConnectionEndsListeningAtOnceAndEachFailureInARowDoublesThePause() throws Exception {
    MailUser user = servers.dovecot().addUser("idle-" + UUID.randomUUID(), "secret");
    for (Duration expectedPause : List.of(Duration.ofMinutes(1), Duration.ofMinutes(2))) {
      try (ConnectionCountingProxy proxy =
          ConnectionCountingProxy.forwardingTo(
              ServerCertificate.VALID.address(), servers.dovecot().imapsPort())) {
        listen(target(servers, proxy.host(), proxy.port(), user, 10));
        assertThat(told.poll(20, TimeUnit.SECONDS)).isEqualTo("LISTENING");
        proxy.close();

        assertThat(told.poll(10, TimeUnit.SECONDS))
            .as("noticed long before the renewal a minute away")
            .startsWith("FAILED: the IDLE connection to folder INBOX ended");
        assertThat(pauses.poll()).isEqualTo(expectedPause);
      }
    }
  }

  @Test
  void aServerSayingByeEndsListening() throws Exception {
    MailUser user = servers.dovecot().addUser("idle-" + UUID.randomUUID(), "secret");
    listen(target(servers, user, 10));
    assertThat(told.poll(20, TimeUnit.SECONDS)).isEqualTo("LISTENING");

    servers.dovecot().doveadm("kick", user.name());

    assertThat(told.poll(10, TimeUnit.SECONDS)).startsWith("FAILED: ").contains("BYE");
  }

  private static boolean awaitTrue(BooleanSupplier condition) {
    return Eventually.lastWithin(
        Duration.ofSeconds(20), condition::getAsBoolean, Boolean.TRUE::equals);
  }

  @Test
  void listeningHoldsASlotOfPushsShareOfTheProfileAndOfTheAccount() throws Exception {
    MailUser user = servers.dovecot().addUser("idle-" + UUID.randomUUID(), "secret");
    listen(target(servers, user, 4));
    assertThat(told.poll(20, TimeUnit.SECONDS)).isEqualTo("LISTENING");

    assertThat(
            List.of(
                limiter.inUse(MailboxListening.pushShareKey(3L)),
                limiter.inUse(ConnectionLimiter.profileBudgetKey(3L)),
                limiter.inUse("mailbox-7-incoming")))
        .containsExactly(1, 1, 1);
  }

  @Test
  void aProfileWithOneConnectionLeavesNoRoomForPush() throws Exception {
    MailUser user = servers.dovecot().addUser("idle-" + UUID.randomUUID(), "secret");
    listen(target(servers, user, 1));

    assertThat(told.poll(20, TimeUnit.SECONDS)).startsWith("WAITING_FOR_CONNECTION");
  }

  @Test
  void aServerWithoutIdleEndsListeningAsNotOffered() throws Exception {
    MailUser user = serversWithoutIdle.dovecot().addUser("poll-" + UUID.randomUUID(), "secret");
    listen(target(serversWithoutIdle, user, 10));

    assertThat(told.poll(20, TimeUnit.SECONDS)).startsWith("NOT_OFFERED");
    // the status is told before the listener's connection and permits are closed
    assertThat(awaitTrue(() -> limiter.inUse("mailbox-7-incoming") == 0))
        .as("its slot given back")
        .isTrue();
  }
}
