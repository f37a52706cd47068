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
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.testing.database.PrivatePostgres;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * The EAR on Payara Server 6, set up by {@code server-config/payara-server/setup.sh} exactly as the
 * README tells operators, against PostgreSQL, testing and enabling a mailbox on Dovecot.
 */
@Timeout(900)
class PayaraServerIT {

  private static final String ADMIN_PASSWORD = "payara-server-admin";

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private static PrivatePostgres postgres;
  private static Path domains;
  private static int portBase;
  private static final HttpClient http =
      HttpClient.newBuilder()
          .sslContext(trustingSelfSigned())
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeAll
  static void deploy() throws Exception {
    postgres = PrivatePostgres.start();
    domains = Files.createTempDirectory("syncpost-payara-server-");
    portBase = freePortBase();
    Path root = Path.of(System.getProperty("syncpost.root"));
    ProcessBuilder setup =
        new ProcessBuilder(
                root.resolve("server-config/payara-server/setup.sh").toString(),
                System.getProperty("syncpost.payaraHome"),
                System.getProperty("syncpost.ear"))
            .redirectErrorStream(true)
            .redirectOutput(domains.resolve("setup.log").toFile());
    setup.environment().put("SYNCPOST_DOMAIN_DIR", domains.toString());
    setup.environment().put("SYNCPOST_PORT_BASE", String.valueOf(portBase));
    setup.environment().put("SYNCPOST_ADMIN_PASSWORD", ADMIN_PASSWORD);
    setup.environment().put("SYNCPOST_DB_URL", postgres.jdbcUrl());
    setup.environment().put("SYNCPOST_DB_USER", PrivatePostgres.USER);
    setup.environment().put("SYNCPOST_DB_PASSWORD", PrivatePostgres.PASSWORD);
    Process process = setup.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("setup finished").isTrue();
    assertThat(process.exitValue())
        .as("setup.sh: %s", Files.readString(domains.resolve("setup.log")))
        .isZero();
  }

  @AfterAll
  static void undeploy() throws Exception {
    if (domains != null) {
      new ProcessBuilder(
              Path.of(System.getProperty("syncpost.payaraHome"), "bin", "asadmin").toString(),
              "stop-domain",
              "--domaindir",
              domains.toString(),
              "syncpost")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(2, TimeUnit.MINUTES);
      try (Stream<Path> files = Files.walk(domains)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void healthIsUpOnPostgresql() throws Exception {
    HttpResponse<String> health =
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (portBase + 80) + "/health")));

    assertThat(health.body()).contains("\"status\":\"UP\"").contains("PostgreSQL");
  }

  @Test
  void aMailboxOnDovecotIsTestedAndEnabled() throws Exception {
    MailUser user = servers.dovecot().addUser("payara-server", "mailbox-password");
    String profile =
        api(
                "POST",
                "profiles",
                """
            {"name": "Dovecot", "serverType": "IMAP_SMTP",
             "incomingServer": "%s:%d", "outgoingServer": "%s:%d",
             "trustedCertificatesPem": %s}
            """
                    .formatted(
                        ServerCertificate.VALID.address(),
                        servers.dovecot().imapsPort(),
                        ServerCertificate.VALID.address(),
                        servers.postfix().smtpsPort(),
                        jsonString(servers.certificates().caCertificatePem())))
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

    HttpResponse<String> tested = api("POST", "mailboxes/" + mailboxId + "/test-and-enable", "{}");

    assertThat(tested.body())
        .contains("\"incomingStatus\":\"SUCCESS\"")
        .contains("\"outgoingStatus\":\"SUCCESS\"")
        .contains("\"enabledForIncoming\":true");
  }

  private static HttpResponse<String> api(String method, String path, String json)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("https://localhost:" + (portBase + 81) + "/api/v1/" + path))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode())
        .as("%s %s: %s", method, path, response.body())
        .isLessThan(300);
    return response;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String jsonString(String text) {
    return jakarta.json.Json.createValue(text).toString();
  }

  /** A base whose next hundred ports are free: Payara Server derives all its ports from it. */
  private static int freePortBase() throws IOException {
    SecureRandom random = new SecureRandom();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + random.nextInt(200) * 100;
      if (List.of(9, 37, 38, 39, 48, 49, 59, 76, 80, 81, 86).stream()
          .allMatch(offset -> isFree(base + offset))) {
        return base;
      }
    }
    throw new IllegalStateException("No free port range for Payara Server");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** Payara's self-signed certificate: trusted by this test, nothing else. */
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
