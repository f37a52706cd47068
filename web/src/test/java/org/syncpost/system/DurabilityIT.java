package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syncpost.system.Api.Reply;

/** Runs its own server: these tests stop and restart it. */
class DurabilityIT {

  private static SyncPostServer server;

  @BeforeAll
  static void start() {
    server = SyncPostServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String profile(String name, String password) {
    return """
        {"name": "%s", "serverType": "IMAP_SMTP", "incomingServer": "imap.example.org",
         "outgoingServer": "smtp.example.org", "incomingCredentialSource": "PROFILE",
         "username": "service", "password": "%s"}
        """
        .formatted(name, password);
  }

  @Test
  void recordsSurviveARestartAndPasswordsAreStoredOnlyAsCiphertext() throws SQLException {
    String password = unique("clear-text-password");
    String profileName = unique("durable");
    String userName = unique("erin");
    server.admin().post("profiles", profile(profileName, password));
    server
        .admin()
        .post(
            "users",
            "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": []}"
                .formatted(userName, userName));

    server.stop();
    List<String> stored = storedPasswords();
    server.restart();

    assertThat(stored)
        .isNotEmpty()
        .allSatisfy(
            value ->
                assertThat(value).doesNotContain(password).matches("[A-Za-z0-9]+:[A-Za-z0-9+/=]+"));
    assertThat(server.admin().get("profiles?limit=1000").body()).contains(profileName);
    assertThat(server.admin().get("users?limit=1000").body()).contains(userName);
  }

  @Test
  void afterAKeyRotationOldAndNewValuesAreReadableAndReencryptionMovesAllToTheNewKey() {
    Api admin = server.admin();
    admin.post("profiles", profile(unique("before-rotation"), "old-key-password"));
    String oldKey = admin.get("credential-keys").json().getString("currentKeyId");

    String newKey = admin.post("credential-keys/rotate", "").json().getString("currentKeyId");
    admin.post("profiles", profile(unique("after-rotation"), "new-key-password"));
    Reply mixed = admin.get("credential-keys");
    Reply reencrypted = admin.post("credential-keys/reencrypt", "");
    server.restart();
    Reply afterRestart = server.admin().get("profiles?limit=1000");

    assertThat(newKey).isNotEqualTo(oldKey);
    assertThat(mixed.json().getJsonObject("valuesPerKey").keySet()).contains(oldKey, newKey);
    assertThat(reencrypted.json().getJsonObject("valuesPerKey").keySet()).containsExactly(newKey);
    assertThat(afterRestart.status()).isEqualTo(200);
  }

  private static List<String> storedPasswords() throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(server.databaseUrl(), "syncpost", "syncpost");
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "select incoming_password from email_server_profile where incoming_password is not null")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
