package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * What an operator watches, at the server's MicroProfile endpoints ({@code /metrics}, {@code
 * /health}) and at SyncPost's own ({@code /monitoring/metrics}, {@code /monitoring/health}, the
 * ones WildFly operators use): the metrics move while mail flows, and the health checks report the
 * credential key and the schedulers.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class MonitoringIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final SyncPostServer server;
  private final Api admin;
  private final HttpClient client = HttpClient.newHttpClient();

  MonitoringIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  private String get(String path) throws IOException, InterruptedException {
    URI uri = server.httpBase().resolve(path);
    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
    return response.body();
  }

  @ParameterizedTest
  @ValueSource(strings = {"metrics", "monitoring/metrics"})
  void theCountersMoveWhileMailIsIngestedAndSent(String endpoint) throws Exception {
    WorkingMailbox box = WorkingMailbox.create(admin, servers);
    PrometheusText before = new PrometheusText(get(endpoint));

    box.receive(servers, 3);
    box.syncNow(admin);
    PrometheusText ingested = new PrometheusText(get(endpoint));
    // to an address no SyncPost mailbox reads: mail to the box itself would be ingested by a later
    // scheduled poll, into the server-wide counter the next run of this test compares (it failed
    // so once, 4 ingested instead of 3, on PostgreSQL under load)
    MailUser recipient = servers.dovecot().addUser(unique("rcpt"), "pw-" + UUID.randomUUID());
    long emailId = box.send(admin, recipient.address(), "metrics " + box.id());
    JsonObject email =
        WorkingMailbox.awaitEmail(
            admin, emailId, e -> "SENT".equals(e.getString("status")), Duration.ofMinutes(2));
    PrometheusText sent = new PrometheusText(get(endpoint));

    assertThat(email.getString("status")).as(email.toString()).isEqualTo("SENT");
    assertThat(
            List.of(
                ingested.sum("syncpost_messages_ingested_total")
                    - before.sum("syncpost_messages_ingested_total"),
                sent.sum("syncpost_messages_sent_total")
                    - ingested.sum("syncpost_messages_sent_total")))
        .as("ingested, sent:%n%s", sent.text())
        .containsExactly(3.0, 1.0);
    assertThat(
            sent.sum("syncpost_incoming_cycles_total", "outcome=\"succeeded\"")
                - before.sum("syncpost_incoming_cycles_total", "outcome=\"succeeded\""))
        .isGreaterThanOrEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"metrics", "monitoring/metrics"})
  void theGaugesShowMailboxesByStateConnectionsAndJobs(String endpoint) throws Exception {
    WorkingMailbox box = WorkingMailbox.create(admin, servers);
    box.syncNow(admin);

    PrometheusText gauges = new PrometheusText(get(endpoint));

    assertThat(
            gauges.sum("syncpost_mailboxes", "direction=\"incoming\"", "state=\"enabled\"")
                + gauges.sum("syncpost_mailboxes", "direction=\"incoming\"", "state=\"failing\""))
        .as(gauges.text())
        .isGreaterThanOrEqualTo(1.0);
    assertThat(gauges.has("syncpost_incoming_poll_lag_seconds")).as(gauges.text()).isTrue();
    assertThat(gauges.has("syncpost_jobs_mailboxes", "progress=\"waiting\"")).isTrue();
    assertThat(
            gauges.has(
                "syncpost_connections_open", "budget=\"profile-" + box.profileId() + "-tests\""))
        .as(gauges.text())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"health/live", "monitoring/health/live"})
  void livenessShowsBothSchedulersTicking(String endpoint) throws Exception {
    String live = get(endpoint);

    assertThat(live)
        .contains("\"name\":\"scheduler\"")
        .contains("\"status\":\"UP\"")
        .containsPattern("\"incoming\":\"ticking, last tick \\d+ s ago\"")
        .containsPattern("\"outgoing\":\"ticking, last tick \\d+ s ago\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"health/ready", "monitoring/health/ready"})
  void readinessShowsTheCurrentCredentialKeyInUse(String endpoint) throws Exception {
    List<String> keyLines =
        Files.readAllLines(server.dataDir().resolve("keys/credential-keys")).stream()
            .filter(line -> line.contains("="))
            .toList();
    String currentKey = keyLines.get(keyLines.size() - 1).split("=")[0].strip();

    String ready = get(endpoint);

    assertThat(ready)
        .contains("\"name\":\"credential-key\"")
        .contains("\"currentKey\":\"" + currentKey + "\"");
  }
}
