package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * On the {@link RestartableSyncPost}, not the shared one: these tests stop and restart the server,
 * and read its database file while it is stopped.
 */
@ExtendWith(RestartableSyncPost.class)
class DurabilityIT {

  private final SyncPostServer server;

  DurabilityIT(SyncPostServer server) {
    this.server = server;
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

    // OAuth 2.0 client secrets and private keys (issue 15) are credentials like passwords
    String clientSecret = unique("clear-client-secret");
    String keyBody = unique("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
    String oauthProfile =
        server
            .admin()
            .post("profiles", profile(unique("durable-oauth"), password))
            .header("Location");
    server
        .admin()
        .put(
            oauthProfile + "/oauth",
            """
            {"grant": "CLIENT_SECRET", "tokenEndpoint": "https://login.example.org/token",
             "clientId": "syncpost-app", "clientSecret": "%s"}
            """
                .formatted(clientSecret));
    String keyProfile =
        server
            .admin()
            .post("profiles", profile(unique("durable-key"), password))
            .header("Location");
    server
        .admin()
        .put(
            keyProfile + "/oauth",
            """
            {"grant": "JWT_BEARER", "tokenEndpoint": "https://oauth2.example.org/token",
             "clientId": "sa@example.iam",
             "privateKey": "-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----"}
            """
                .formatted(keyBody));

    server.stop();
    List<String> stored = storedPasswords();
    server.restart();

    assertThat(stored)
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(
            value ->
                assertThat(value)
                    .doesNotContain(password)
                    .doesNotContain(clientSecret)
                    .doesNotContain(keyBody)
                    .matches("[A-Za-z0-9]+:[A-Za-z0-9+/=]+"));
    assertThat(server.admin().get(oauthProfile + "/oauth").json().getBoolean("clientSecretSet"))
        .isTrue();
    assertThat(server.admin().get(keyProfile + "/oauth").json().getBoolean("privateKeySet"))
        .isTrue();
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

  private List<String> storedPasswords() throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(server.databaseUrl(), "syncpost", "syncpost");
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "select incoming_password from email_server_profile"
                        + " where incoming_password is not null"
                        + " union all select oauth_client_secret from email_server_profile"
                        + " where oauth_client_secret is not null"
                        + " union all select oauth_private_key from email_server_profile"
                        + " where oauth_private_key is not null")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
