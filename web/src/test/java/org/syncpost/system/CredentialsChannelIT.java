package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

@ExtendWith(SharedSyncPost.class)
class CredentialsChannelIT {

  private final SyncPostServer server;

  CredentialsChannelIT(SyncPostServer server) {
    this.server = server;
  }

  private static String profileWithPassword() {
    return """
        {"name": "%s", "serverType": "IMAP_SMTP", "incomingServer": "imap.example.org",
         "outgoingServer": "smtp.example.org", "incomingCredentialSource": "PROFILE",
         "username": "service", "password": "over-the-wire"}
        """
        .formatted(unique("channel"));
  }

  @Test
  void aPasswordOverPlainHttpIsRefusedWithAnExplanation() {
    Reply refused =
        server.http("admin", SyncPostServer.ADMIN_PASSWORD).post("profiles", profileWithPassword());

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().getString("detail"))
        .contains("HTTPS")
        .contains("allowCredentialsEntryOverHttp");
  }

  @Test
  void aPasswordOverHttpsIsAccepted() {
    assertThat(server.admin().post("profiles", profileWithPassword()).status()).isEqualTo(201);
  }

  @Test
  void aPasswordOverPlainHttpIsAcceptedOnceTheOrganisationAllowsIt() {
    server.admin().patch("settings", "{\"allowCredentialsEntryOverHttp\": true}");
    try {
      assertThat(
              server
                  .http("admin", SyncPostServer.ADMIN_PASSWORD)
                  .post("profiles", profileWithPassword())
                  .status())
          .isEqualTo(201);
    } finally {
      server.admin().patch("settings", "{\"allowCredentialsEntryOverHttp\": false}");
    }
  }

  @Test
  void requestsWithoutPasswordsInTheirBodyAreRefusedOverPlainHttpToo() {
    // HTTP Basic itself is a password: it would cross the network readable by anyone
    assertThat(server.http("admin", SyncPostServer.ADMIN_PASSWORD).get("settings").status())
        .isEqualTo(401);
  }
}
