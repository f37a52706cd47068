package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.database.PrivatePostgres;

/**
 * SyncPost on PostgreSQL, started as the README tells operators (SYNCPOST_DB_URL and friends): the
 * migrations run, records are stored and survive a restart, passwords are ciphertext.
 */
@Timeout(600)
class PostgresqlIT {

  private static PrivatePostgres postgres;
  private static SyncPostServer server;

  @BeforeAll
  static void start() {
    postgres = PrivatePostgres.start();
    server =
        SyncPostServer.start(
            Map.of(
                "SYNCPOST_DB_URL", postgres.jdbcUrl(),
                "SYNCPOST_DB_USER", PrivatePostgres.USER,
                "SYNCPOST_DB_PASSWORD", PrivatePostgres.PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void healthReportsPostgresqlWithTheMigratedSchema() throws Exception {
    String health =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(server.healthUri()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();

    assertThat(health).contains("\"status\":\"UP\"").contains("PostgreSQL");
  }

  @Test
  void everyListAnswersWithoutFiltersOnPostgresql() {
    Api admin = server.admin();
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    for (String list :
        List.of("mailboxes", "quarantine", "audit", "alerts", "jobs", "emails", "profiles")) {
      statuses.put(list, admin.get(list).status());
    }

    assertThat(statuses.values()).as(statuses.toString()).containsOnly(200);
  }

  @Test
  void recordsAreStoredInPostgresqlAndSurviveARestart() throws Exception {
    String name = unique("pg");
    String password = unique("pg-secret");
    Reply created =
        server
            .admin()
            .post(
                "profiles",
                """
                {"name": "%s", "serverType": "IMAP_SMTP", "incomingServer": "imap.example.org",
                 "outgoingServer": "smtp.example.org", "incomingCredentialSource": "PROFILE",
                 "username": "service", "password": "%s"}
                """
                    .formatted(name, password));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    server.restart();

    assertThat(server.admin().get("profiles?limit=1000").body()).contains(name);
    try (Connection db = postgres.connect();
        ResultSet row =
            db.createStatement()
                .executeQuery(
                    "select incoming_password from email_server_profile where name = '"
                        + name
                        + "'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).doesNotContain(password).contains(":");
    }
  }
}
