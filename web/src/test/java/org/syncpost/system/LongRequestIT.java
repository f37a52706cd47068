package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.MisbehavingServer.Behaviour;

/**
 * A REST request that takes longer than 30 s is answered to a client that offers HTTP/2, as Java's
 * HttpClient, curl and browsers do: a test & enable of one mailbox whose mail server accepts the
 * connection and never says a word for 40 s. Payara's HTTP/2 closed such a connection after 30 s
 * without frames while the request was still being worked on (the client saw EOF) and logged {@code
 * Unable to write GOAWAY}; SyncPost's listeners speak HTTP/1.1 only since
 * (server-config/payara-micro/pre-boot.asadmin).
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class LongRequestIT {

  /** Longer than the 30 s after which the request was cut. */
  private static final int SILENCE_SECONDS = 40;

  private final SyncPostServer server;
  private final Api admin;

  LongRequestIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @Test
  void aTestAndEnableLongerThanThirtySecondsIsAnsweredToAClientOfferingHttp2AndLogsNoGoaway()
      throws Exception {
    try (MisbehavingServer silent = MisbehavingServer.start(Behaviour.SILENT)) {
      long mailboxId = mailboxOn("127.0.0.1:" + silent.port());
      long logBefore = logSize();
      long started = System.nanoTime();

      HttpResponse<String> answer =
          http2()
              .send(
                  HttpRequest.newBuilder(
                          server
                              .httpsBase()
                              .resolve("api/v1/mailboxes/" + mailboxId + "/test-and-enable"))
                      .timeout(Duration.ofSeconds(200))
                      .header("Authorization", basic("admin", SyncPostServer.ADMIN_PASSWORD))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(answer.version())
          .as("the protocol settled on (HTTP/2 cut requests at 30 s)")
          .isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(took).as("how long the test took").isGreaterThan(Duration.ofSeconds(30));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonObject mailbox = Json.createReader(new StringReader(answer.body())).readObject();
      assertThat(mailbox.getString("incomingStatus")).isEqualTo("FAILURE");
      assertThat(logSince(logBefore)).doesNotContain("GOAWAY");
    }
  }

  /** An approved mailbox reading from {@code incomingServer}, with the silence as its timeout. */
  private long mailboxOn(String incomingServer) {
    Reply profile =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", unique("long-request"))
                .add("serverType", "IMAP_SMTP")
                .add("incomingServer", incomingServer)
                .add("outgoingServer", "smtp.example.org")
                .add("connectionTimeoutSeconds", SILENCE_SECONDS)
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    String name = unique("long-request");
    Reply user = admin.post("users", Bodies.user(name).build().toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    long mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    Reply configured =
        admin.patch(
            "mailboxes/" + mailboxId,
            Json.createObjectBuilder()
                .add("profileId", profile.json().getJsonNumber("id").longValue())
                .add("username", name)
                .add("password", "mailbox-password")
                .add("allowCredentialUse", true)
                .add("incomingDeliveryMethod", "SERVER_SIDE_SYNC")
                .add("outgoingDeliveryMethod", "NONE")
                .add("folders", "INBOX")
                .build()
                .toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    assertThat(admin.post("mailboxes/" + mailboxId + "/approve", "").status()).isLessThan(300);
    return mailboxId;
  }

  /** A client that prefers HTTP/2, as browsers and curl do. */
  private static HttpClient http2() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .sslContext(Api.trustingSelfSigned())
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Path log() {
    return server.dataDir().resolve("logs/server.log");
  }

  private long logSize() throws Exception {
    return Files.exists(log()) ? Files.size(log()) : 0;
  }

  /** What the server logged after {@code offset} (the log may have rolled over: then all of it). */
  private String logSince(long offset) throws Exception {
    byte[] all = Files.readAllBytes(log());
    int from = all.length >= offset ? (int) offset : 0;
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }
}
