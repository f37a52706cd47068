package org.syncpost.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api;
import org.syncpost.system.IncomingMailbox;
import org.syncpost.testing.mail.ConnectionCountingProxy;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Many quiet mailboxes polled every minute: the CPU share of the SyncPost process, the IMAP
 * commands one idle poll costs (Dovecot's rawlog of a few of them), and the most connections the
 * profile had open at once (a counting proxy in front of Dovecot):
 *
 * <pre>./mvnw -B verify -pl web -am -Pbenchmark -Dbenchmark=ScaleBenchmark
 * [-Dbenchmark.mailboxes=2000] [-Dbenchmark.minutes=5]</pre>
 */
class ScaleBenchmark {

  private static final int MAILBOXES = Integer.getInteger("benchmark.mailboxes", 2000);
  private static final int MINUTES = Integer.getInteger("benchmark.minutes", 5);
  private static final int MAX_CONNECTIONS = 10;
  private static final int SAMPLED = 3;

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  @RegisterExtension static final OwnSyncPost own = new OwnSyncPost(Map.of());

  @Test
  void quietMailboxesPolledEveryMinute() throws Exception {
    Api admin = own.server().admin();
    Api.Reply noApproval =
        admin.patch(
            "settings",
            Json.createObjectBuilder()
                .add("requireApprovalForUserEmail", false)
                .build()
                .toString());
    assertThat(noApproval.status()).as(noApproval.toString()).isEqualTo(200);
    try (ConnectionCountingProxy proxy =
        ConnectionCountingProxy.forwardingTo(
            ServerCertificate.VALID.address(), servers.dovecot().imapsPort())) {
      long profileId =
          IncomingMailbox.on(admin, servers.dovecot(), servers.certificates())
              .incomingServer(proxy.host() + ":" + proxy.port())
              .pollingEveryMinutes(1)
              .maxConnections(MAX_CONNECTIONS)
              .createProfile();
      long setupStart = System.nanoTime();
      List<MailUser> users = new ArrayList<>();
      for (int i = 0; i < MAILBOXES; i++) {
        MailUser user = servers.dovecot().addUser("scale-" + i + "-" + UUID.randomUUID(), "pw");
        users.add(user);
        IncomingMailbox.configureOn(admin, profileId, user);
      }
      testAndEnableAll(admin, profileId);
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
      for (MailUser sampled : users.subList(0, Math.min(SAMPLED, users.size()))) {
        servers.dovecot().recordImapCommands(sampled.name());
      }

      proxy.resetPeak();
      int connectionsBefore = proxy.totalConnections();
      double cpuBefore = ProcessCpu.seconds(own.server().serverPid());
      long windowStart = System.nanoTime();
      Thread.sleep(Duration.ofMinutes(MINUTES).toMillis());
      double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
      double cpuSeconds = ProcessCpu.seconds(own.server().serverPid()) - cpuBefore;
      int polls = proxy.totalConnections() - connectionsBefore;
      int peak = proxy.peakConnections();

      List<Integer> commandsPerPoll = new ArrayList<>();
      List<String> example = List.of();
      for (MailUser sampled : users.subList(0, Math.min(SAMPLED, users.size()))) {
        for (List<String> connection : servers.dovecot().imapCommands(sampled.name())) {
          commandsPerPoll.add(connection.size());
          example = connection;
        }
      }
      System.out.printf(
          """

          ==== ScaleBenchmark ======================================================
          mailboxes              %,d quiet IMAPS mailboxes, one profile, polled every minute
                                 (set up and tested & enabled in %.0f s)
          window                 %.1f min
          polls                  %,d (%.2f per mailbox per minute)
          CPU of SyncPost        %.1f s = %.1f %% of one core, %.1f %% of this 2-core machine
          IMAP commands per poll %s after login (sampled %d mailboxes), e.g. %s;
                                 before them: TLS handshake, CAPABILITY, AUTHENTICATE
          most connections open  %d at once for the profile (maximum %d)
          =========================================================================
          %n""",
          MAILBOXES,
          setupSeconds,
          windowSeconds / 60,
          polls,
          polls / (double) MAILBOXES / (windowSeconds / 60),
          cpuSeconds,
          100 * cpuSeconds / windowSeconds,
          50 * cpuSeconds / windowSeconds,
          commandsPerPoll,
          SAMPLED,
          example,
          peak,
          MAX_CONNECTIONS);
      assertThat(peak).isLessThanOrEqualTo(MAX_CONNECTIONS);
    }
  }

  /** The guide's "Test & Enable Mailboxes" of the profile, as a background job, to its end. */
  private static void testAndEnableAll(Api admin, long profileId) throws InterruptedException {
    Api.Reply job = admin.post("profiles/" + profileId + "/test-and-enable", "{}");
    assertThat(job.status()).as(job.toString()).isEqualTo(202);
    String location = job.header("Location");
    String jobPath = "jobs/" + location.substring(location.lastIndexOf('/') + 1);
    JsonObject state;
    do {
      Thread.sleep(1000);
      state = admin.get(jobPath).json();
    } while ("RUNNING".equals(state.getString("status"))
        || "QUEUED".equals(state.getString("status")));
    assertThat(state.getInt("done")).as(state.toString()).isEqualTo(MAILBOXES);
  }
}
