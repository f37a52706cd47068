package org.syncpost.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.IncomingMailbox;
import org.syncpost.system.PrometheusText;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * How fast SyncPost turns a large mailbox into records, against the ceiling of a plain Jakarta Mail
 * program fetching the same messages in full over the same IMAPS connection type, measured in the
 * same run:
 *
 * <pre>./mvnw -B verify -pl web -am -Pbenchmark -Dbenchmark=IngestBenchmark
 * [-Dbenchmark.messages=10000] [-Dbenchmark.syncpost-options="-D..."]</pre>
 */
class IngestBenchmark {

  private static final int MESSAGES = Integer.getInteger("benchmark.messages", 10_000);
  private static final int FETCH_BATCH = 100;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  /**
   * One tick a second: "enable" is followed by the first cycle within a second, not ten. {@code
   * -Dbenchmark.syncpost-options=...} starts SyncPost with other JVM options, e.g. a flight
   * recording ({@code -XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile}).
   */
  @RegisterExtension static final OwnSyncPost own = new OwnSyncPost(environment());

  private static Map<String, String> environment() {
    String options = System.getProperty("benchmark.syncpost-options", "");
    return options.isBlank()
        ? Map.of("SYNCPOST_INCOMING_TICK_SECONDS", "1")
        : Map.of("SYNCPOST_INCOMING_TICK_SECONDS", "1", "JAVA_OPTS", options);
  }

  static {
    // as SyncPost does (MailSessions): Jakarta Mail 2.1 otherwise scans every jar per message
    System.setProperty(
        "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  @Test
  void syncPostAgainstThePlainFetchCeiling() throws Exception {
    MailUser user = servers.dovecot().addUser("bench-" + UUID.randomUUID(), "secret");
    long seedStart = System.nanoTime();
    long bytes =
        servers.dovecot().seedInbox(user.name(), new RealisticMessages(MESSAGES, user.address()));
    // Dovecot indexes the folder once, for both readers alike
    assertThat(servers.dovecot().messageCount(user.name(), "INBOX")).isEqualTo(MESSAGES);
    Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);

    // a first pass warms the raw loop's JIT and Dovecot's caches: the baseline is the loop at its
    // fastest, not a cold start (SyncPost then reads from the same warm Dovecot)
    plainFetch(user);
    double rawCpuBefore = ProcessCpu.seconds(ProcessHandle.current().pid());
    Duration raw = plainFetch(user);
    double rawCpu = ProcessCpu.seconds(ProcessHandle.current().pid()) - rawCpuBefore;

    IncomingMailbox.Setup setup =
        IncomingMailbox.on(own.server().admin(), servers.dovecot(), servers.certificates())
            .pollingEveryMinutes(1);
    long profileId = setup.createProfile();
    double syncPostCpuBefore = ProcessCpu.seconds(own.server().serverPid());
    long start = System.nanoTime();
    IncomingMailbox box = setup.createOn(profileId, user);
    // the ingested counter, not the record count: counting a mailbox's records over REST scans
    // them all, and ten times a second that took a third of SyncPost's CPU from the ingestion
    boolean all = awaitIngested(MESSAGES, Duration.ofMinutes(60));
    Duration syncPostTook = Duration.ofNanos(System.nanoTime() - start);
    double syncPostCpu = ProcessCpu.seconds(own.server().serverPid()) - syncPostCpuBefore;

    double rawRate = MESSAGES / seconds(raw);
    double syncPostRate = MESSAGES / seconds(syncPostTook);
    System.out.printf(
        """

        ==== IngestBenchmark ====================================================
        messages               %,d (%,d KB on average, %,.1f MB; seeded in %.1f s)
        plain Jakarta Mail     %8.1f s  %,8.0f msgs/s  CPU %6.1f s  (1 IMAPS connection, FETCH
                                                 BODY.PEEK[] in batches of %d, warm)
        SyncPost               %8.1f s  %,8.0f msgs/s  CPU %6.1f s  (enable -> last record)
        database               %s
        SyncPost / raw         %8.2f   (goal >= 0.8); CPU per message %.1f times the raw's
        load average           %s (2 cores; other builds share the machine)
        =========================================================================
        %n""",
        MESSAGES,
        bytes / MESSAGES / 1024,
        bytes / 1024.0 / 1024.0,
        seconds(seeding),
        seconds(raw),
        rawRate,
        rawCpu,
        FETCH_BATCH,
        seconds(syncPostTook),
        syncPostRate,
        syncPostCpu,
        own.database(),
        syncPostRate / rawRate,
        syncPostCpu / rawCpu,
        loadAverage());
    assertThat(all).as("all %d messages recorded", MESSAGES).isTrue();
    assertThat(box.recordCount()).isEqualTo(MESSAGES);
  }

  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  /**
   * Reads the ingested counter from SyncPost's own metrics text every {@value #SCRAPE_MILLIS} ms:
   * Payara's {@code /metrics} renders every metric the server has, and scraping it ten times a
   * second took a fifth of SyncPost's CPU during the ingestion (JFR, 2026-12-07).
   */
  private static boolean awaitIngested(int messages, Duration limit) throws InterruptedException {
    URI metrics = own.server().httpBase().resolve("monitoring/metrics");
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (ingested(metrics) >= messages) {
        return true;
      }
      Thread.sleep(SCRAPE_MILLIS);
    }
    return false;
  }

  private static final long SCRAPE_MILLIS = 200;

  private static double ingested(URI metrics) {
    try {
      HttpResponse<String> scrape =
          HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
      return new PrometheusText(scrape.body()).sum("syncpost_messages_ingested_total");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The ceiling: one connection fetching every message in full, as fast as it can. Of the plain
   * loops measured here (2026-12-07, 2,000 messages, warm, load ≈ 27), {@code FETCH n:m
   * (BODY.PEEK[])} in batches of 100 through {@link IMAPFolder#doCommand}, taking each body's bytes
   * as the protocol layer read them, was the fastest: 5,385 msgs/s against 4,549 for a {@link
   * FetchProfile} of whole messages with {@code writeTo} (batches of 500: 3,433 and 2,695); it
   * builds no {@code MimeMessage} and copies nothing.
   */
  private static Duration plainFetch(MailUser user) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(servers.certificates().trustStore());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    Properties props = new Properties();
    props.setProperty("mail.imap.ssl.enable", "true");
    props.put("mail.imap.ssl.socketFactory", tls.getSocketFactory());
    props.setProperty("mail.imap.connectiontimeout", "30000");
    props.setProperty("mail.imap.timeout", "60000");
    long start = System.nanoTime();
    long[] received = {0};
    try (Store store = Session.getInstance(props).getStore("imap")) {
      store.connect(
          ServerCertificate.VALID.address(),
          servers.dovecot().imapsPort(),
          user.name(),
          user.password());
      IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      int count = inbox.getMessageCount();
      for (int from = 1; from <= count; from += FETCH_BATCH) {
        int first = from;
        int last = Math.min(from + FETCH_BATCH - 1, count);
        inbox.doCommand(
            protocol -> {
              Response[] responses = protocol.fetch(first, last, "BODY.PEEK[]");
              for (Response response : responses) {
                if (response instanceof FetchResponse fetched) {
                  BODY body = fetched.getItem(BODY.class);
                  if (body != null) {
                    received[0] += body.getByteArray().getCount();
                  }
                }
              }
              protocol.handleResult(responses[responses.length - 1]);
              return null;
            });
      }
      inbox.close(false);
    }
    assertThat(received[0]).as("bytes fetched").isPositive();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
