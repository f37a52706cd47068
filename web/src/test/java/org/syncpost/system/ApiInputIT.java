package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * Issue 14's input rules, one test each, on a running SyncPost: a body that is no JSON object,
 * dates the database cannot hold, a secret too long for its encrypted column, CR/LF bound for MIME
 * headers, ETag and If-Match, a profile still in use, SOAP faults that say whose mistake they are.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class ApiInputIT {

  private final SyncPostServer server;
  private final Api admin;
  private final SoapCaller adminSoap;

  ApiInputIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
    this.adminSoap = server.soap("admin", SyncPostServer.ADMIN_PASSWORD);
  }

  @Test
  void aBodyThatIsNoJsonObjectIsA400ProblemAndCreatesNothing() {
    String before = admin.get("profiles?limit=1").header("X-Total-Count");

    Reply nothing = admin.post("profiles", "null");
    Reply array = admin.post("profiles", "[" + Bodies.imapProfile(unique("in-array")) + "]");
    Reply trailing = admin.post("profiles", Bodies.imapProfile(unique("trailing")) + " {}");

    assertThat(
            java.util.List.of(nothing, array, trailing).stream()
                .map(
                    r ->
                        r.status()
                            + " "
                            + r.header("Content-Type")
                            + " "
                            + r.json().getString("type"))
                .toList())
        .containsExactly(
            "400 application/problem+json https://syncpost.org/problems/not-an-object",
            "400 application/problem+json https://syncpost.org/problems/not-an-object",
            "400 application/problem+json https://syncpost.org/problems/trailing-data");
    assertThat(admin.get("profiles?limit=1").header("X-Total-Count")).isEqualTo(before);
  }

  @Test
  void aSendTimeInYear999999999IsRefusedNotWrappedAround() {
    long mailbox = newMailbox();

    Reply refused =
        admin.post(
            "emails",
            """
            {"senderMailboxId": %d, "to": ["a@example.org"], "sendAt": "+999999999-12-31T23:59:59Z"}
            """
                .formatted(mailbox));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"sendAt\"");
  }

  @Test
  void aMailboxPasswordTooLongForItsEncryptedColumnIsA400() {
    long mailbox = newMailbox();

    Reply refused =
        admin.patch(
            "mailboxes/" + mailbox,
            Json.createObjectBuilder().add("password", "p".repeat(1000)).build().toString());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"password\"");
  }

  @Test
  void lineBreaksInAnAttachmentNameAreRefusedBeforeTheyReachMimeHeaders() {
    long mailbox = newMailbox();

    Reply refused =
        admin.post(
            "emails",
            """
            {"senderMailboxId": %d, "to": ["a@example.org"], "draft": true,
             "attachments": [{"name": "a.txt\\r\\nBcc: victim@example.org",
                              "contentType": "multipart/mixed; boundary=x", "content": "YQ=="}]}
            """
                .formatted(mailbox));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"field\":\"attachments[0].name\"")
        .contains("\"field\":\"attachments[0].contentType\"");
  }

  @Test
  void aGarbagePemBundleAndAHostNameWithSpacesAreRefusedAtSave() {
    long profile = newProfile();

    Reply pem =
        admin.patch(
            "profiles/" + profile,
            "{\"trustedCertificatesPem\": \"-----BEGIN CERTIFICATE-----\\ngarbage\\n-----END CERTIFICATE-----\"}");
    Reply host = admin.patch("profiles/" + profile, "{\"incomingServer\": \"imap example org\"}");

    assertThat(pem.status() + " " + host.status()).isEqualTo("400 400");
    assertThat(pem.body()).contains("\"field\":\"trustedCertificatesPem\"");
    assertThat(host.body()).contains("\"field\":\"incomingServer\"");
    assertThat(admin.get("profiles/" + profile).json().isNull("trustedCertificatesPem")).isTrue();
  }

  @Test
  void aChangeBasedOnAnOlderVersionIsRefused412AndWithoutIfMatchStillWorks() {
    long profile = newProfile();
    Reply read = admin.get("profiles/" + profile);
    String etag = read.header("ETag");
    Reply first = patch("profiles/" + profile, "{\"name\": \"" + unique("first") + "\"}", etag);

    Reply stale = patch("profiles/" + profile, "{\"name\": \"" + unique("second") + "\"}", etag);
    Reply unconditional = admin.patch("profiles/" + profile, "{\"incomingPort\": 993}");

    assertThat(etag).matches("\"\\d+\"");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.header("ETag")).isNotEqualTo(etag);
    assertThat(stale.status() + " " + stale.header("Content-Type"))
        .as(stale.toString())
        .isEqualTo("412 application/problem+json");
    assertThat(unconditional.status()).as(unconditional.toString()).isEqualTo(200);
    assertThat(admin.get("profiles/" + profile).json().getString("name"))
        .isEqualTo(first.json().getString("name"));
  }

  @Test
  void usersQueuesAndSettingsRefuseAChangeBasedOnAnOlderVersionWith412() {
    String user = unique("versioned");
    String queue = unique("versioned-queue");
    long userId =
        admin
            .post(
                "users", "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(user, user))
            .json()
            .getJsonNumber("id")
            .longValue();
    long queueId =
        admin
            .post(
                "queues",
                "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(queue, queue))
            .json()
            .getJsonNumber("id")
            .longValue();
    int retest = admin.get("settings").json().getInt("disabledRetestMinutes");
    java.util.Map<String, List<String>> changes =
        java.util.Map.of(
            "users/" + userId,
            List.of("{\"name\": \"" + user + "-1\"}", "{\"name\": \"" + user + "-2\"}"),
            "queues/" + queueId,
            List.of("{\"name\": \"" + queue + "-1\"}", "{\"name\": \"" + queue + "-2\"}"),
            "settings",
            List.of(
                "{\"disabledRetestMinutes\": " + (retest + 1) + "}",
                "{\"disabledRetestMinutes\": " + (retest + 2) + "}"));
    try {
      changes.forEach(
          (path, twoChanges) -> {
            String etag = admin.get(path).header("ETag");
            Reply first = patch(path, twoChanges.get(0), etag);
            Reply stale = patch(path, twoChanges.get(1), etag);

            assertThat(etag).as(path).matches("\"\\d+\"");
            assertThat(first.status() + " " + stale.status()).as(path).isEqualTo("200 412");
            assertThat(first.header("ETag")).as(path).isNotEqualTo(etag);
          });
    } finally {
      admin.patch("settings", "{\"disabledRetestMinutes\": " + retest + "}");
    }
  }

  @Test
  void deletingAProfileInUseAnswers409WithTheNumberOfMailboxesUnlessToldWhereTheyGo() {
    long profile = newProfile();
    long successor = newProfile();
    long mailbox = newMailbox();
    Reply assigned =
        admin.post(
            "mailboxes/bulk-edit",
            """
            {"mailboxIds": [%d], "profileId": %d,
             "incomingDeliveryMethod": "SERVER_SIDE_SYNC", "outgoingDeliveryMethod": "NONE"}
            """
                .formatted(mailbox, profile));
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

    Reply inUse = admin.delete("profiles/" + profile);
    Reply moved = admin.delete("profiles/" + profile + "?moveMailboxesTo=" + successor);

    assertThat(inUse.status() + " " + inUse.json().getString("detail"))
        .isEqualTo(
            "409 Profile "
                + profile
                + " is used by 1 mailbox; name a profile to move them to (e.g."
                + " ?moveMailboxesTo=<profile id>), or move them to another profile first.");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
    assertThat(admin.get("mailboxes/" + mailbox).json().getJsonNumber("profileId").longValue())
        .isEqualTo(successor);
  }

  @Test
  void soapFaultsForTheCallersMistakesAreClientFaults() {
    HttpResponse<String> notFound =
        adminSoap.raw("EmailService", envelope("getEmail", "<v:id>987654321</v:id>"));
    HttpResponse<String> invalid =
        adminSoap.raw("EmailService", envelope("sendEmail", "<v:email/>"));
    HttpResponse<String> unreadable =
        adminSoap.raw("EmailService", envelope("getEmail", "<v:id>abc</v:id>"));

    assertThat(java.util.List.of(notFound.body(), invalid.body(), unreadable.body()))
        .allSatisfy(
            body ->
                assertThat(body)
                    .contains(":Client</faultcode>")
                    .doesNotContain("Exception", "com.sun.", "jakarta.xml."));
    assertThat(notFound.body()).contains("NotFoundFault");
    assertThat(invalid.body()).contains("ValidationFault");
  }

  @Test
  void soapRefusesAnUnknownEnumValueAndADateBeyondYear9999() {
    HttpResponse<String> direction =
        adminSoap.raw(
            "EmailService",
            envelope("listEmails", "<v:query><v:direction>SIDEWAYS</v:direction></v:query>"));
    HttpResponse<String> date =
        adminSoap.raw(
            "EmailService",
            envelope(
                "listEmails", "<v:query><v:since>999999999-12-31T23:59:59Z</v:since></v:query>"));

    assertThat(direction.body()).contains(":Client</faultcode>").doesNotContain("<v:page");
    assertThat(date.body())
        .contains(":Client</faultcode>")
        .contains("since must be a date between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
  }

  private Reply patch(String path, String json, String ifMatch) {
    return admin.patchIfMatch(path, json, ifMatch);
  }

  private long newProfile() {
    Reply created = admin.post("profiles", Bodies.imapProfile(unique("input")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  private long newMailbox() {
    return new OwnedMailboxes(admin, null).unconfigured().id();
  }

  private static String envelope(String operation, String payload) {
    return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:v=\"urn:syncpost:v1\"><s:Body><v:"
        + operation
        + ">"
        + payload
        + "</v:"
        + operation
        + "></s:Body></s:Envelope>";
  }
}
