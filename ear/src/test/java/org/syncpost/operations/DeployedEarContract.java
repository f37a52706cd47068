package org.syncpost.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.testing.database.PrivatePostgres;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * What must hold wherever an operator deploys the EAR with a script from {@code server-config/}:
 * the server is healthy, SyncPost's data lands in PostgreSQL, and a mailbox on Dovecot is tested
 * and enabled. Each runtime says how it is set up, where it answers and how it stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(900)
abstract class DeployedEarContract {

  static final String ADMIN_PASSWORD = "deployed-ear-admin";

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final HttpClient http =
      HttpClient.newBuilder()
          .sslContext(trustingSelfSigned())
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private PrivatePostgres postgres;
  Path workDirectory;

  /**
   * Runs the runtime's setup script with {@code environment}; returns when SyncPost is deployed.
   */
  abstract void setUp(Map<String, String> environment) throws Exception;

  abstract void tearDown() throws Exception;

  abstract URI healthUri();

  abstract URI apiBase();

  /**
   * Where SyncPost's metrics are scraped: the server's MicroProfile Metrics, or SyncPost's own
   * {@code /monitoring/metrics} where the server has none (WildFly 39).
   */
  abstract URI metricsUri();

  /**
   * Where SyncPost's health checks show: the server's MicroProfile Health, or SyncPost's own {@code
   * /monitoring/health} where the server does not find them (WildFly: WFLY-12835).
   */
  URI applicationHealthUri() {
    return healthUri().resolve("/health");
  }

  @BeforeAll
  void deploy() throws Exception {
    postgres = PrivatePostgres.start();
    workDirectory = Files.createTempDirectory("syncpost-" + getClass().getSimpleName() + "-");
    setUp(
        Map.of(
            "SYNCPOST_ADMIN_PASSWORD",
            ADMIN_PASSWORD,
            "SYNCPOST_DB_URL",
            postgres.jdbcUrl(),
            "SYNCPOST_DB_USER",
            PrivatePostgres.USER,
            "SYNCPOST_DB_PASSWORD",
            PrivatePostgres.PASSWORD));
  }

  @AfterAll
  void undeploy() throws Exception {
    try {
      tearDown();
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      if (workDirectory != null) {
        try (Stream<Path> files = Files.walk(workDirectory)) {
          files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }

  @Test
  void theServerIsHealthy() throws Exception {
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(healthUri()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void theSchedulersAreLiveAndTheCredentialKeyReady() throws Exception {
    String health =
        http.send(
                HttpRequest.newBuilder(applicationHealthUri()).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();

    assertThat(health)
        .contains("\"name\":\"scheduler\"")
        .contains("\"name\":\"credential-key\"")
        .doesNotContain("\"status\":\"DOWN\"");
  }

  @Test
  void theMetricsShowSyncPostsSeries() throws Exception {
    String metrics =
        http.send(
                HttpRequest.newBuilder(metricsUri()).build(), HttpResponse.BodyHandlers.ofString())
            .body();

    assertThat(metrics)
        .contains("syncpost_mailboxes{")
        .contains("syncpost_incoming_poll_lag_seconds");
  }

  @Test
  void aProfileIsStoredInPostgresql() throws Exception {
    api(
        "POST",
        "profiles",
        """
        {"name": "Stored in PostgreSQL", "serverType": "POP3_SMTP",
         "incomingServer": "pop.example.org", "outgoingServer": "smtp.example.org"}
        """);

    try (Connection db = postgres.connect();
        ResultSet row =
            db.createStatement()
                .executeQuery(
                    "select incoming_port from email_server_profile where name = 'Stored in PostgreSQL'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getInt(1)).isEqualTo(995);
    }
  }

  @Test
  void aMailboxOnDovecotIsTestedAndEnabled() throws Exception {
    HttpResponse<String> tested = testedMailbox("tested");

    assertThat(tested.body())
        .contains("\"incomingStatus\":\"SUCCESS\"")
        .contains("\"outgoingStatus\":\"SUCCESS\"")
        .contains("\"enabledForIncoming\":true");
  }

  @Test
  void anEmailIsSentThroughPostfix() throws Exception {
    String mailbox = testedMailbox("sent").body();
    String mailboxId = mailbox.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
    String address = mailbox.replaceAll("(?s).*?\"email\":\"([^\"]+)\".*", "$1");
    String subject = "Sent on " + getClass().getSimpleName();

    String created =
        api(
                "POST",
                "emails",
                """
            {"senderMailboxId": %s, "to": ["%s"], "subject": "%s", "textBody": "Hello"}
            """
                    .formatted(mailboxId, address, subject))
            .body();
    String emailId = created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");

    assertThat(awaitBody("emails/" + emailId, "\"status\":\"SENT\"")).contains(subject);
  }

  @Test
  void anEmailIsSentThroughPostfixAndAnotherIngestedFromDovecot() throws Exception {
    String mailbox = testedMailbox("roundtrip").body();
    String mailboxId = mailbox.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
    String address = mailbox.replaceAll("(?s).*?\"email\":\"([^\"]+)\".*", "$1");
    String sentSubject = "Sent on " + getClass().getSimpleName();
    String receivedSubject = "Received on " + getClass().getSimpleName();

    String created =
        api(
                "POST",
                "emails",
                """
            {"senderMailboxId": %s, "to": ["%s"], "subject": "%s", "textBody": "Hello"}
            """
                    .formatted(mailboxId, address, sentSubject))
            .body();
    String emailId = created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
    servers
        .dovecot()
        .deliver(
            address.substring(0, address.indexOf('@')),
            Messages.plainText(
                "someone@example.org",
                address,
                receivedSubject,
                "Hello SyncPost",
                // after the profile's "process email from", which is when it was created
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1)));

    assertThat(awaitBody("emails/" + emailId, "\"status\":\"SENT\"")).contains(sentSubject);
    // the scheduler may hold the mailbox's lease at the moment: ask again until the record is there
    java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofMinutes(2));
    String incoming = "";
    while (!incoming.contains(receivedSubject) && java.time.Instant.now().isBefore(deadline)) {
      api("POST", "mailboxes/" + mailboxId + "/sync", "");
      incoming = api("GET", "emails?mailboxId=" + mailboxId + "&direction=INCOMING", "").body();
    }
    assertThat(incoming).contains(receivedSubject).contains("\"status\":\"RECEIVED\"");
  }

  @Test
  void theSoapServicesServeTheirWsdlAndAnswerACallAndAFault() throws Exception {
    String mailboxId = testedMailbox("soap").body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");

    HttpResponse<String> wsdl = soap("MailboxService?wsdl", null);
    HttpResponse<String> mailbox =
        soap("MailboxService", "<v:getMailbox><v:id>" + mailboxId + "</v:id></v:getMailbox>");
    HttpResponse<String> unknownJob =
        soap("JobService", "<v:getJob><v:id>" + Long.MAX_VALUE + "</v:id></v:getJob>");

    assertThat(wsdl.statusCode()).isEqualTo(200);
    assertThat(wsdl.body()).contains("urn:syncpost:v1").contains("MailboxService");
    assertThat(mailbox.statusCode()).as(mailbox.body()).isEqualTo(200);
    assertThat(mailbox.body())
        // whatever prefix the runtime gives the namespace
        .contains("approvalStatus>APPROVED</")
        .contains("incomingStatus>SUCCESS</");
    assertThat(unknownJob.statusCode()).isEqualTo(500);
    assertThat(unknownJob.body())
        .contains("NotFoundFault")
        .contains("There is no job with id " + Long.MAX_VALUE)
        .doesNotContain("StackTrace", ".java:");
  }

  /**
   * A SOAP 1.1 call of the running SyncPost as the administrator ({@code operation} null: a GET).
   * The services are at the context root, where the REST API's {@code /api/v1/} is.
   */
  private HttpResponse<String> soap(String path, String operation) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(apiBase().resolve("/" + path))
            .header("Authorization", "Basic " + basic)
            .timeout(Duration.ofSeconds(60));
    if (operation != null) {
      request
          .header("Content-Type", "text/xml; charset=utf-8")
          .header("SOAPAction", "\"\"")
          .POST(
              HttpRequest.BodyPublishers.ofString(
                  "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                      + " xmlns:v=\"urn:syncpost:v1\"><s:Body>"
                      + operation
                      + "</s:Body></s:Envelope>"));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A Dovecot user's mailbox in SyncPost on the private servers, approved and tested & enabled. */
  private HttpResponse<String> testedMailbox(String purpose) throws Exception {
    MailUser user =
        servers
            .dovecot()
            .addUser(purpose + "-" + getClass().getSimpleName().toLowerCase(), "mailbox-password");
    String profile =
        api(
                "POST",
                "profiles",
                """
            {"name": "Dovecot for %s", "serverType": "IMAP_SMTP",
             "incomingServer": "%s:%d", "outgoingServer": "%s:%d",
             "trustedCertificatesPem": %s}
            """
                    .formatted(
                        purpose,
                        ServerCertificate.VALID.address(),
                        servers.dovecot().imapsPort(),
                        ServerCertificate.VALID.address(),
                        servers.postfix().smtpsPort(),
                        jakarta.json.Json.createValue(servers.certificates().caCertificatePem())))
            .body();
    String profileId = profile.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
    String created =
        api(
                "POST",
                "users",
                "{\"name\": \"%s\", \"email\": \"%s\"}".formatted(user.name(), user.address()))
            .body();
    String mailboxId = created.replaceAll("(?s).*\"mailboxId\":(\\d+).*", "$1");
    api(
        "PATCH",
        "mailboxes/" + mailboxId,
        """
        {"profileId": %s, "username": "%s", "password": "mailbox-password", "allowCredentialUse": true}
        """
            .formatted(profileId, user.address()));
    api("POST", "mailboxes/" + mailboxId + "/approve", "");
    return api("POST", "mailboxes/" + mailboxId + "/test-and-enable", "{}");
  }

  /** Reads {@code path} until its body contains {@code expected} (the engines work on timers). */
  private String awaitBody(String path, String expected) throws Exception {
    java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofMinutes(2));
    String body = "";
    while (java.time.Instant.now().isBefore(deadline)) {
      body = api("GET", path, "").body();
      if (body.contains(expected)) {
        return body;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("never found " + expected + " in " + path + ": " + body);
  }

  private HttpResponse<String> api(String method, String path, String json) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(apiBase().resolve(path))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(60))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s: %s", method, path, response.body())
        .isLessThan(300);
    return response;
  }

  /** Runs a script to its end, its output kept in the work directory; fails the test on failure. */
  void runScript(Map<String, String> environment, String... command) throws Exception {
    Path log = workDirectory.resolve("setup.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
    assertThat(process.exitValue()).as("%s: %s", command[0], Files.readString(log)).isZero();
  }

  static Path root() {
    return Path.of(System.getProperty("syncpost.root"));
  }

  /**
   * A base from which every port at the given offsets is free on loopback, a multiple of 100 from
   * {@code lowest} up to 10,000 above it. The two servers run side by side (two test JVMs), so each
   * takes its ports from a range of its own: a port found free here is bound only later.
   */
  static int freePortBase(int lowest, int... offsets) {
    SecureRandom random = new SecureRandom();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = lowest + random.nextInt(100) * 100;
      if (IntStream.of(offsets).allMatch(offset -> isFree(base + offset))) {
        return base;
      }
    }
    throw new IllegalStateException("No free port range on loopback");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** The servers' self-signed certificates: trusted by these tests, nothing else. */
  private static SSLContext trustingSelfSigned() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          null,
          new TrustManager[] {
            new X509TrustManager() {
              @Override
              public void checkClientTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public void checkServerTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
              }
            }
          },
          new SecureRandom());
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
