package org.syncpost.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api;
import org.syncpost.system.IncomingMailbox;
import org.syncpost.system.PrometheusText;
import org.syncpost.testing.mail.ConnectionCountingProxy;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Many quiet mailboxes polled every minute (issue 19: 10,000): the CPU share of the SyncPost
 * process, polls per mailbox-minute (SyncPost's cycle counter), the IMAP commands and sign-ins (new
 * TLS connections) one idle poll costs (Dovecot's rawlog of a few mailboxes), and the most
 * connections the profile had open at once (a counting proxy in front of Dovecot, which reads
 * SyncPost's sockets as the kernel shows them; and SyncPost's own {@code syncpost_connections_open}
 * every 5 s), never above the profile's maximum:
 *
 * <pre>./mvnw -B verify -pl web -am -Pbenchmark -Dbenchmark=ScaleBenchmark
 * [-Dbenchmark.mailboxes=10000] [-Dbenchmark.minutes=5] [-Dbenchmark.max-connections=300]
 * [-Dbenchmark.tls-resumption=true]</pre>
 *
 * <p>With {@code benchmark.tls-resumption}, Dovecot's login processes serve many connections each
 * (its high-performance mode), so that SyncPost's reconnects resume their TLS sessions; in
 * Dovecot's default mode, as in the other tests, none is resumed.
 *
 * <p>Dovecot users are written at once ({@link org.syncpost.testing.mail.Dovecot#addUsers}), the
 * mailboxes configured by parallel REST calls, then tested &amp; enabled by the profile's job.
 */
class ScaleBenchmark {

  private static final int MAILBOXES = Integer.getInteger("benchmark.mailboxes", 10_000);
  private static final int MINUTES = Integer.getInteger("benchmark.minutes", 5);

  /** At most 300: the most concurrent connections a profile may allow. */
  private static final int MAX_CONNECTIONS =
      Integer.getInteger("benchmark.max-connections", Math.min(MAILBOXES, 300));

  private static final int SAMPLED = 3;
  private static final int SETUP_THREADS = 8;

  private static final boolean TLS_RESUMPTION = Boolean.getBoolean("benchmark.tls-resumption");

  @RegisterExtension
  static final MailServers servers =
      TLS_RESUMPTION ? MailServers.withDovecotResumingTls() : MailServers.withDovecot();

  /** {@code -Dbenchmark.syncpost-options="-D..."} starts SyncPost with other settings. */
  @RegisterExtension
  static final OwnSyncPost own =
      new OwnSyncPost(
          System.getProperty("benchmark.syncpost-options", "").isBlank()
              ? Map.of()
              : Map.of("JAVA_OPTS", System.getProperty("benchmark.syncpost-options")));

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
      String run = UUID.randomUUID().toString().substring(0, 8);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < MAILBOXES; i++) {
        names.add("scale-" + i + "-" + run);
      }
      List<MailUser> users = servers.dovecot().addUsers(names, "pw");
      // recorded from before their first connection, which may be kept for the whole window;
      // counted only from the window's start
      for (MailUser sampled : users.subList(0, Math.min(SAMPLED, users.size()))) {
        servers.dovecot().recordImapCommands(sampled.name());
      }
      configureAll(admin, profileId, users);
      testAndEnableAll(admin, profileId);
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

      proxy.resetPeak();
      int connectionsBefore = proxy.totalConnections();
      double cyclesBefore = cycles();
      double cpuBefore = ProcessCpu.seconds(own.server().serverPid());
      String loadBefore = loadAverage();
      long windowStart = System.nanoTime();
      Instant windowStartedAt = Instant.now();
      // the poll lag every 5 s: on time, or waiting for a slot; and the profile's connections as
      // SyncPost counts them
      List<Double> lags = new ArrayList<>();
      double mostCountedBySyncPost = 0;
      long windowEnd = windowStart + Duration.ofMinutes(MINUTES).toNanos();
      while (System.nanoTime() < windowEnd) {
        Thread.sleep(Math.min(5_000, Math.max((windowEnd - System.nanoTime()) / 1_000_000, 1)));
        PrometheusText now = metrics();
        lags.add(now.sum("syncpost_incoming_poll_lag_seconds"));
        mostCountedBySyncPost =
            Math.max(
                mostCountedBySyncPost,
                now.sum("syncpost_connections_open", "budget=\"profile-" + profileId + "-tests\""));
      }
      double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
      double cpuSeconds = ProcessCpu.seconds(own.server().serverPid()) - cpuBefore;
      double polls = cycles() - cyclesBefore;
      int connections = proxy.totalConnections() - connectionsBefore;
      int peak = proxy.peakConnections();

      // each poll of a one-folder mailbox looks at INBOX once: by STATUS, or by EXAMINE when
      // STATUS showed something new (or was not asked); what else is sent is counted with it
      int sampledPolls = 0;
      int commands = 0;
      int signIns = 0;
      List<String> example = List.of();
      for (MailUser sampled : users.subList(0, Math.min(SAMPLED, users.size()))) {
        for (List<String> connection :
            servers.dovecot().imapCommands(sampled.name(), windowStartedAt)) {
          for (String command : connection) {
            String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (verb.equals("AUTHENTICATE") || verb.equals("LOGIN")) {
              signIns++;
            }
            if (verb.equals("STATUS") || verb.equals("EXAMINE") || verb.equals("SELECT")) {
              sampledPolls++;
            }
            if (!SIGN_IN.contains(verb)) {
              commands++;
            }
          }
          example = connection.subList(0, Math.min(connection.size(), 8));
        }
      }
      System.out.printf(
          """

          ==== ScaleBenchmark ======================================================
          mailboxes              %,d quiet IMAPS mailboxes, one profile, polled every minute
                                 (Dovecot %s)
                                 (set up and tested & enabled in %.0f s)
          window                 %.1f min, load average %s before, %s after
          polls                  %,.0f (%.2f per mailbox per minute)
          poll lag               %.1f s on average, %.1f s at most (the longest-waiting due
                                 mailbox past its poll time, every 5 s)
          CPU of SyncPost        %.1f s = %.1f %% of one core, %.1f %% of this 2-core machine
                                 (%.2f ms per poll)
          new connections        %,d in the window = %.2f per poll (each a TLS handshake,
                                 CAPABILITY, AUTHENTICATE)
          IMAP commands per poll %.2f after sign-in (sampled %d mailboxes in the window: %d
                                 commands in %d polls, %d sign-ins), e.g. %s
          most connections open  %d at once for the profile (maximum %d; SyncPost's own count
                                 at most %.0f, read every 5 s)
          =========================================================================
          %n""",
          MAILBOXES,
          TLS_RESUMPTION
              ? "resumes TLS sessions: login processes shared"
              : "resumes no TLS session: a login process per connection",
          setupSeconds,
          windowSeconds / 60,
          loadBefore,
          loadAverage(),
          polls,
          polls / MAILBOXES / (windowSeconds / 60),
          lags.stream().mapToDouble(Double::doubleValue).average().orElse(0),
          lags.stream().mapToDouble(Double::doubleValue).max().orElse(0),
          cpuSeconds,
          100 * cpuSeconds / windowSeconds,
          50 * cpuSeconds / windowSeconds,
          polls == 0 ? 0 : 1000 * cpuSeconds / polls,
          connections,
          polls == 0 ? 0 : connections / polls,
          sampledPolls == 0 ? 0 : commands / (double) sampledPolls,
          SAMPLED,
          commands,
          sampledPolls,
          signIns,
          example,
          peak,
          MAX_CONNECTIONS,
          mostCountedBySyncPost);
      assertThat(peak).isLessThanOrEqualTo(MAX_CONNECTIONS);
    }
  }

  /** What a connection sends to sign in, before any poll. */
  private static final Set<String> SIGN_IN =
      Set.of("CAPABILITY", "AUTHENTICATE", "LOGIN", "ID", "STARTTLS", "ENABLE");

  /** A user and a mailbox reading its INBOX each, by parallel REST calls. */
  private static void configureAll(Api admin, long profileId, List<MailUser> users)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
    try {
      List<Future<Long>> configured = new ArrayList<>();
      for (MailUser user : users) {
        configured.add(pool.submit(() -> IncomingMailbox.configureOn(admin, profileId, user)));
      }
      for (Future<Long> each : configured) {
        each.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** SyncPost's incoming cycles so far, all outcomes (its {@code /metrics}). */
  private static double cycles() throws Exception {
    return metrics().sum("syncpost_incoming_cycles_total");
  }

  private static PrometheusText metrics() throws Exception {
    HttpResponse<String> scrape =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(own.server().httpBase().resolve("metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    return new PrometheusText(scrape.body());
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
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
