package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.imapProfile;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.syncpost.system.Api.Reply;

@ExtendWith(SharedSyncPost.class)
class ProfilesApiIT {

  private final Api admin;

  ProfilesApiIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void imapProfileWithSslAndNoPortsIsStoredWith993And465() {
    Reply created = admin.post("profiles", imapProfile(unique("imap")));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Reply read = admin.get(created.header("Location"));
    assertThat(read.json().getInt("incomingPort") + "/" + read.json().getInt("outgoingPort"))
        .isEqualTo("993/465");
  }

  @Test
  void pop3ProfileWithSslAndNoPortsIsStoredWith995And465() {
    Reply created =
        admin.post(
            "profiles",
            """
            {"name": "%s", "serverType": "POP3_SMTP",
             "incomingServer": "pop.example.org", "outgoingServer": "smtp.example.org"}
            """
                .formatted(unique("pop3")));

    assertThat(created.json().getInt("incomingPort") + "/" + created.json().getInt("outgoingPort"))
        .isEqualTo("995/465");
  }

  @Test
  void anonymousCredentialsAreRefusedNamingTheFieldAndTheReason() {
    Reply refused =
        admin.post(
            "profiles",
            """
            {"name": "%s", "serverType": "IMAP_SMTP", "incomingServer": "imap.example.org",
             "outgoingServer": "smtp.example.org", "incomingCredentialSource": "ANONYMOUS"}
            """
                .formatted(unique("anon")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(errors(refused)).containsOnlyKeys("incomingCredentialSource");
    assertThat(errors(refused).get("incomingCredentialSource"))
        .contains("anonymous")
        .contains("not a valid");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          empty name           | "name": ""                               | name
          101-character name   | "name": "%s"                             | name
          polling 1441         | "minPollingIntervalMinutes": 1441        | minPollingIntervalMinutes
          connections 0        | "maxConcurrentConnections": 0            | maxConcurrentConnections
          connections 301      | "maxConcurrentConnections": 301          | maxConcurrentConnections
          unknown enum value   | "serverType": "EXCHANGE"                 | serverType
          missing host         | "incomingServer": null                   | incomingServer
          timeout over 100 s   | "connectionTimeoutSeconds": 101          | connectionTimeoutSeconds
          no email a minute    | "maxMessagesPerMinute": 0                | maxMessagesPerMinute
          """)
  void invalidInputIsRefusedFieldByFieldAndNothingIsStored(
      String label, String override, String field) {
    JsonObject valid =
        jakarta.json.Json.createReader(new java.io.StringReader(imapProfile(unique("invalid"))))
            .readObject();
    JsonObject invalid =
        jakarta.json.Json.createReader(
                new java.io.StringReader("{" + override.replace("%s", "x".repeat(101)) + "}"))
            .readObject();
    String body =
        jakarta.json.Json.createObjectBuilder(valid)
            .addAll(jakarta.json.Json.createObjectBuilder(invalid))
            .build()
            .toString();
    String countBefore = admin.get("profiles?limit=1").header("X-Total-Count");
    String auditBefore = admin.get("audit?limit=1").header("X-Total-Count");

    Reply refused = admin.post("profiles", body);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(errors(refused)).as(refused.toString()).containsOnlyKeys(field);
    assertThat(
            admin.get("profiles?limit=1").header("X-Total-Count")
                + "/"
                + admin.get("audit?limit=1").header("X-Total-Count"))
        .isEqualTo(countBefore + "/" + auditBefore);
  }

  @Test
  void aPasswordNeverComesBackInAnyResponse() {
    String password = "Pa55-" + unique("secret");
    Reply created =
        admin.post(
            "profiles",
            """
            {"name": "%s", "serverType": "IMAP_SMTP", "incomingServer": "imap.example.org",
             "outgoingServer": "smtp.example.org", "incomingCredentialSource": "PROFILE",
             "username": "service", "password": "%s"}
            """
                .formatted(unique("creds"), password));
    String location = created.header("Location");

    String everything =
        created.body()
            + admin.get(location).body()
            + admin.get("profiles?limit=1000").body()
            + admin.patch(location, "{\"description\": \"patched\"}").body()
            + admin.get("audit?limit=1000").body();

    assertThat(created.json().getBoolean("passwordSet")).isTrue();
    assertThat(everything).doesNotContain(password);
  }

  @Test
  void oauthClientSecretsGoInButOnlyWhetherTheyAreSetComesBack() {
    String secret = "oauth-" + unique("client-secret");
    String keyBody = unique("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
    String key = "-----BEGIN PRIVATE KEY-----\\n" + keyBody + "\\n-----END PRIVATE KEY-----";
    String profile =
        admin
            .post(
                "profiles",
                """
                {"name": "%s", "serverType": "IMAP_SMTP", "incomingServer": "imap.example.org",
                 "outgoingServer": "smtp.example.org", "incomingCredentialSource": "OAUTH2"}
                """
                    .formatted(unique("oauth")))
            .header("Location");

    Reply withSecret =
        admin.put(
            profile + "/oauth",
            """
            {"grant": "CLIENT_SECRET", "tokenEndpoint": "https://login.example.org/token",
             "clientId": "syncpost-app", "clientSecret": "%s", "scopes": "mail"}
            """
                .formatted(secret));
    Reply withKey =
        admin.put(
            profile + "/oauth",
            """
            {"grant": "JWT_BEARER", "tokenEndpoint": "https://oauth2.example.org/token",
             "clientId": "sa@example.iam", "privateKey": "%s", "keyId": "k1"}
            """
                .formatted(key));
    String everything =
        withSecret.body()
            + withKey.body()
            + admin.get(profile + "/oauth").body()
            + admin.get(profile).body()
            + admin.get("profiles?limit=1000").body()
            + admin.get("audit?limit=1000").body();

    assertThat(withSecret.status()).as(withSecret.toString()).isEqualTo(200);
    assertThat(withSecret.json().getBoolean("clientSecretSet")).isTrue();
    assertThat(withKey.json().getBoolean("privateKeySet")).isTrue();
    assertThat(withKey.json().getBoolean("clientSecretSet"))
        .as("a grant without a client secret forgets it")
        .isFalse();
    assertThat(everything).doesNotContain(secret).doesNotContain(keyBody);
  }

  @Test
  void aGooglePresetFillsServersAndOAuthEndpointsAndTheClientIsAddedToThem() {
    Reply created =
        admin.post(
            "profiles", "{\"name\": \"%s\", \"preset\": \"GOOGLE\"}".formatted(unique("gmail")));
    String profile = created.header("Location");

    Reply client =
        admin.put(
            profile + "/oauth",
            """
            {"clientId": "sa@example.iam",
             "privateKey": "-----BEGIN PRIVATE KEY-----\\nMII=\\n-----END PRIVATE KEY-----"}
            """);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(
            created.json().getString("incomingServer")
                + ":"
                + created.json().getInt("incomingPort")
                + " "
                + created.json().getString("outgoingServer")
                + ":"
                + created.json().getInt("outgoingPort")
                + " "
                + created.json().getString("incomingCredentialSource"))
        .isEqualTo("imap.gmail.com:993 smtp.gmail.com:465 OAUTH2");
    assertThat(client.status()).as(client.toString()).isEqualTo(200);
    assertThat(client.json().getString("grant")).isEqualTo("JWT_BEARER");
    assertThat(client.json().getString("tokenEndpoint"))
        .isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(client.json().getString("scopes")).isEqualTo("https://mail.google.com/");
  }

  @Test
  void presetsAreListedAndAnUnknownOneIsRefusedNamingThem() {
    Reply listed = admin.get("profile-presets");
    Reply refused =
        admin.post("profiles", "{\"name\": \"%s\", \"preset\": \"AOL\"}".formatted(unique("aol")));

    assertThat(listed.body()).contains("MICROSOFT_365").contains("outlook.office365.com:993");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("preset").contains("GOOGLE");
  }

  @Test
  void anOAuthClientWithoutItsSecretIsRefusedNamingTheField() {
    String profile =
        admin.post("profiles", imapProfile(unique("oauth-refused"))).header("Location");

    Reply refused =
        admin.put(
            profile + "/oauth",
            """
            {"grant": "CLIENT_SECRET", "tokenEndpoint": "http://login.example.org/token",
             "clientId": "syncpost-app"}
            """);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("clientSecret").contains("tokenEndpoint").contains("https");
  }

  @Test
  void patchChangesOnlyTheFieldsItCarriesAndKeepsThePassword() {
    Reply created =
        admin.post(
            "profiles",
            """
            {"name": "%s", "serverType": "IMAP_SMTP", "incomingServer": "imap.example.org",
             "outgoingServer": "smtp.example.org", "incomingCredentialSource": "PROFILE",
             "username": "service", "password": "first-password", "minPollingIntervalMinutes": 5}
            """
                .formatted(unique("patch")));

    Reply patched = admin.patch(created.header("Location"), "{\"maxConcurrentConnections\": 42}");

    JsonObject after = patched.json();
    assertThat(
            after.getInt("maxConcurrentConnections")
                + " "
                + after.getInt("minPollingIntervalMinutes")
                + " "
                + after.getString("username")
                + " "
                + after.getBoolean("passwordSet"))
        .isEqualTo("42 5 service true");
  }

  @Test
  void aPop3ProfileCannotBeTurnedIntoAnImapProfile() {
    Reply created =
        admin.post(
            "profiles",
            """
            {"name": "%s", "serverType": "POP3_SMTP", "incomingServer": "pop.example.org",
             "outgoingServer": "smtp.example.org"}
            """
                .formatted(unique("pop3")));

    Reply refused = admin.patch(created.header("Location"), "{\"serverType\": \"IMAP_SMTP\"}");

    assertThat(errors(refused)).containsOnlyKeys("serverType");
  }

  @Test
  void listsArePagedWithTheTotalInAHeader() {
    admin.post("profiles", imapProfile(unique("page")));
    admin.post("profiles", imapProfile(unique("page")));

    Reply page = admin.get("profiles?offset=0&limit=1");

    assertThat(page.array()).hasSize(1);
    assertThat(Long.parseLong(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(2);
  }

  static java.util.Map<String, String> errors(Reply reply) {
    return reply.json().getJsonArray("errors").stream()
        .map(JsonValue::asJsonObject)
        .collect(
            Collectors.toMap(
                e -> e.getString("field"), e -> e.getString("message"), (a, b) -> a + "; " + b));
  }
}
