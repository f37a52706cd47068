package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * Issue 14's bad-input suite: every REST and SOAP operation receives, systematically, each
 * malformation that applies to it (bodies that are not one UTF-8 JSON object, wrong media types,
 * ids that are not ids, methods the path does not have, query values of the wrong type; SOAP
 * messages that are not XML, not of the contract, with values out of their type's range). None may
 * answer 500 or hang; every REST refusal is a 4xx problem+json; every SOAP refusal a {@code Client}
 * fault that names no parser class; nothing is stored; the server is healthy after.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(900)
class BadInputIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String UNKNOWN_ID = "987654321";
  // alerts are counted for the suite's own mailbox and profile only: on the shared server the
  // mailboxes of earlier test classes, whose mail servers are gone, raise alerts at any time
  private static final List<String> COUNTED =
      List.of("profiles", "mailboxes", "users", "queues", "emails", "jobs", "quarantine");

  private final SyncPostServer server;
  private final Api admin;
  private final HttpClient client =
      HttpClient.newBuilder()
          .sslContext(Api.trustingSelfSigned())
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String authorization =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + SyncPostServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  BadInputIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  /** A request the suite sends, what it stands for, and whether it is REST or SOAP. */
  private record Case(String name, HttpRequest request, boolean soap) {}

  @Test
  void noMalformedRequestAnswers500OrHangsOrStoresAnything() throws Exception {
    long profile = created("profiles", Bodies.imapProfile(unique("bad-input")));
    Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", unique("bad-input"))
                .add("email", unique("bad-input") + "@example.org")
                .add("roles", Json.createArrayBuilder().add("mailbox-owner"))
                .add("password", "signin-" + unique("pw"))
                .build()
                .toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    String userId = String.valueOf(user.json().getJsonNumber("id").longValue());
    String mailbox = String.valueOf(user.json().getJsonNumber("mailboxId").longValue());
    Map<String, String> before = counts(profile, mailbox);

    List<Case> cases = new ArrayList<>();
    cases.addAll(restBodies(String.valueOf(profile), userId, mailbox));
    cases.addAll(restIdsQueriesAndMethods());
    cases.addAll(soapMessages(mailbox));
    List<String> failures = sendAll(cases);

    assertThat(cases).hasSizeGreaterThanOrEqualTo(500);
    assertThat(failures).as("%d of %d cases failed", failures.size(), cases.size()).isEmpty();
    assertThat(counts(profile, mailbox)).isEqualTo(before);
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(server.healthUri()).timeout(PATIENCE).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).as("health after the suite").contains("UP");
  }

  // ---- REST ----

  /** Every operation that takes a JSON body × every malformed body. */
  private List<Case> restBodies(String profile, String user, String mailbox) {
    Map<String, String> operations = new LinkedHashMap<>();
    operations.put("POST profiles", "profiles");
    operations.put("PATCH profiles/{id}", "profiles/" + profile);
    operations.put("PATCH mailboxes/{id}", "mailboxes/" + mailbox);
    operations.put("POST mailboxes/apply-default-settings", "mailboxes/apply-default-settings");
    operations.put(
        "POST mailboxes/{id}/test-and-enable", "mailboxes/" + UNKNOWN_ID + "/test-and-enable");
    operations.put("POST mailboxes/test-and-enable", "mailboxes/test-and-enable");
    operations.put("POST mailboxes/bulk-edit", "mailboxes/bulk-edit");
    operations.put("PATCH settings", "settings");
    operations.put("POST emails", "emails");
    operations.put("POST emails/batch", "emails/batch");
    operations.put("POST queues", "queues");
    operations.put("PATCH queues/{id}", "queues/" + UNKNOWN_ID);
    operations.put("POST users", "users");
    operations.put("PATCH users/{id}", "users/" + user);

    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("an empty body", new byte[0]);
    bodies.put("only white space", utf8("  \n "));
    bodies.put("null", utf8("null"));
    bodies.put("an array", utf8("[]"));
    bodies.put("an array of an object", utf8("[{}]"));
    bodies.put("a string", utf8("\"x\""));
    bodies.put("a number", utf8("42"));
    bodies.put("true", utf8("true"));
    bodies.put("a cut-off object", utf8("{\"name\": "));
    bodies.put("an object with garbage after it", utf8("{} garbage"));
    bodies.put("two objects", utf8("{}{}"));
    bodies.put(
        "nesting 2,000 levels deep", utf8("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"));
    bodies.put(
        "nesting 100 levels deep", utf8("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"));
    bodies.put(
        "invalid UTF-8",
        concat(
            utf8("{\"name\": \""),
            new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
            utf8("\"}")));
    bodies.put("Latin-1", "{\"name\": \"Jürgen\"}".getBytes(StandardCharsets.ISO_8859_1));
    bodies.put("an unknown field", utf8("{\"noSuchField\": 1}"));
    bodies.put("XML", utf8("<a/>"));
    bodies.put("a single quote JSON", utf8("{'name': 'x'}"));

    List<Case> cases = new ArrayList<>();
    operations.forEach(
        (operation, path) -> {
          String method = operation.substring(0, operation.indexOf(' '));
          String type =
              method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
          bodies.forEach(
              (malformation, body) ->
                  cases.add(rest(operation + " with " + malformation, method, path, type, body)));
          cases.add(rest(operation + " as text/plain", method, path, "text/plain", utf8("{}")));
          cases.add(
              rest(
                  operation + " as application/xml",
                  method,
                  path,
                  "application/xml",
                  utf8("<a/>")));
          cases.add(rest(operation + " without a content type", method, path, null, utf8("{}")));
        });
    cases.addAll(fieldMalformations(profile, mailbox));
    return cases;
  }

  /** Well-formed JSON whose values the columns, MIME headers or the calendar cannot take. */
  private List<Case> fieldMalformations(String profile, String mailbox) {
    List<Case> cases = new ArrayList<>();
    Map<String, String> emails = new LinkedHashMap<>();
    String valid = "\"senderMailboxId\": " + mailbox + ", \"to\": [\"a@example.org\"]";
    emails.put(
        "a send time in year 999,999,999", valid + ", \"sendAt\": \"+999999999-12-31T23:59:59Z\"");
    emails.put("a send time before 1970", valid + ", \"sendAt\": \"1969-12-31T23:59:59Z\"");
    emails.put("a send time that is no date", valid + ", \"sendAt\": \"tomorrow\"");
    emails.put(
        "CR/LF in an attachment name",
        valid
            + ", \"attachments\": [{\"name\": \"a.txt\\r\\nBcc: x@example.org\", \"contentType\": \"text/plain\", \"content\": \"YQ==\"}]");
    emails.put(
        "CR/LF in an attachment type",
        valid
            + ", \"attachments\": [{\"name\": \"a.txt\", \"contentType\": \"text/plain\\r\\nBcc: x@example.org\", \"content\": \"YQ==\"}]");
    emails.put(
        "a multipart attachment type",
        valid
            + ", \"attachments\": [{\"name\": \"a\", \"contentType\": \"multipart/mixed; boundary=b\", \"content\": \"YQ==\"}]");
    emails.put(
        "an attachment that is not base64",
        valid
            + ", \"attachments\": [{\"name\": \"a\", \"contentType\": \"text/plain\", \"content\": \"***\"}]");
    emails.put("an attachment that is not an object", valid + ", \"attachments\": [1]");
    emails.put(
        "a sender id that is no number", "\"senderMailboxId\": \"x\", \"to\": [\"a@example.org\"]");
    emails.put(
        "a sender id beyond long",
        "\"senderMailboxId\": 99999999999999999999, \"to\": [\"a@example.org\"]");
    emails.put(
        "a recipient that is no address",
        "\"senderMailboxId\": " + mailbox + ", \"to\": [\"not an address\"]");
    emails.put(
        "recipients that are no array",
        "\"senderMailboxId\": " + mailbox + ", \"to\": \"a@example.org\"");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      many.append(i == 0 ? "" : ",").append("\"r").append(i).append("@example.org\"");
    }
    emails.put("5,000 recipients", "\"senderMailboxId\": " + mailbox + ", \"to\": [" + many + "]");
    emails.forEach(
        (malformation, fields) ->
            cases.add(
                rest(
                    "POST emails with " + malformation,
                    "POST",
                    "emails",
                    "application/json",
                    utf8("{" + fields + "}"))));

    Map<String, String> profiles = new LinkedHashMap<>();
    profiles.put("a 1,000-character password", "{\"password\": \"" + "p".repeat(1000) + "\"}");
    profiles.put("a 1 MB password", "{\"password\": \"" + "p".repeat(1_000_000) + "\"}");
    profiles.put(
        "a process-from date in year 999,999,999",
        "{\"processEmailFrom\": \"+999999999-12-31T23:59:59Z\"}");
    profiles.put(
        "a process-from date before year 1", "{\"processEmailFrom\": \"-000100-01-01T00:00:00Z\"}");
    profiles.put("a port that is no number", "{\"incomingPort\": \"imap\"}");
    profiles.put("a port beyond int", "{\"incomingPort\": 99999999999}");
    profiles.put("an unknown server type", "{\"serverType\": \"CARRIER_PIGEON\"}");
    profiles.put(
        "a garbage PEM bundle",
        "{\"trustedCertificatesPem\": \"-----BEGIN CERTIFICATE-----\\nxx\\n-----END CERTIFICATE-----\"}");
    profiles.put("a host name with spaces", "{\"incomingServer\": \"imap example org\"}");
    profiles.put("a host name with CR/LF", "{\"outgoingServer\": \"smtp.example.org\\r\\nX: y\"}");
    profiles.put("a name that is an object", "{\"name\": {\"first\": \"x\"}}");
    profiles.forEach(
        (malformation, body) -> {
          cases.add(
              rest(
                  "PATCH profiles/{id} with " + malformation,
                  "PATCH",
                  "profiles/" + profile,
                  "application/merge-patch+json",
                  utf8(body)));
          cases.add(
              rest(
                  "PATCH mailboxes/{id} with " + malformation,
                  "PATCH",
                  "mailboxes/" + mailbox,
                  "application/merge-patch+json",
                  utf8(body)));
        });
    return cases;
  }

  /** Every operation with an id × ids that are none; list queries × wrong types; wrong methods. */
  private List<Case> restIdsQueriesAndMethods() {
    List<String[]> withId =
        List.of(
            new String[] {"GET", "jobs/{id}"},
            new String[] {"GET", "quarantine/{id}"},
            new String[] {"POST", "quarantine/{id}/retry"},
            new String[] {"POST", "mailboxes/{id}/sync"},
            new String[] {"GET", "profiles/{id}"},
            new String[] {"POST", "profiles/{id}/test-and-enable"},
            new String[] {"DELETE", "profiles/{id}"},
            new String[] {"GET", "alerts/{id}"},
            new String[] {"POST", "alerts/{id}/dismiss"},
            new String[] {"GET", "mailboxes/{id}"},
            new String[] {"POST", "mailboxes/{id}/approve"},
            new String[] {"POST", "mailboxes/{id}/reject"},
            new String[] {"POST", "emails/{id}/send"},
            new String[] {"POST", "emails/{id}/send-now"},
            new String[] {"POST", "emails/{id}/cancel"},
            new String[] {"GET", "emails/{id}"},
            new String[] {"GET", "emails/{id}/attachments/0"},
            new String[] {"GET", "queues/{id}"},
            new String[] {"DELETE", "queues/{id}"},
            new String[] {"GET", "users/{id}"},
            new String[] {"DELETE", "users/{id}"});
    List<String> badIds =
        List.of(UNKNOWN_ID, "-1", "0", "abc", "1.5", "99999999999999999999", "%20", "1%0D%0ABcc:x");
    List<Case> cases = new ArrayList<>();
    for (String[] operation : withId) {
      for (String id : badIds) {
        cases.add(
            rest(
                operation[0] + " " + operation[1] + " with id " + id,
                operation[0],
                operation[1].replace("{id}", id),
                null,
                null));
      }
    }
    for (String list :
        List.of(
            "jobs",
            "quarantine",
            "profiles",
            "alerts",
            "audit",
            "mailboxes",
            "emails",
            "queues",
            "users")) {
      for (String query :
          List.of("limit=abc", "offset=abc", "limit=99999999999", "offset=-5", "limit=-1")) {
        cases.add(rest("GET " + list + "?" + query, "GET", list + "?" + query, null, null));
      }
    }
    for (String query :
        List.of(
            "since=yesterday",
            "until=%2B999999999-12-31T23:59:59Z",
            "direction=SIDEWAYS",
            "status=LOST",
            "mailboxId=abc",
            "conversationId=1.5")) {
      cases.add(rest("GET emails?" + query, "GET", "emails?" + query, null, null));
    }
    for (String path :
        List.of(
            "jobs",
            "quarantine",
            "profiles",
            "alerts",
            "audit",
            "mailboxes",
            "emails",
            "queues",
            "users",
            "settings",
            "credential-keys",
            "credential-keys/rotate",
            "mailboxes/bulk-edit",
            "no-such-resource")) {
      cases.add(rest("PUT " + path, "PUT", path, "application/json", utf8("{}")));
    }
    return cases;
  }

  private Case rest(String name, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.httpsBase() + "api/v1/" + path))
            .timeout(PATIENCE)
            .header("Authorization", authorization)
            .header("Accept", "application/json, application/problem+json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    return new Case(name, request.build(), false);
  }

  // ---- SOAP ----

  private List<Case> soapMessages(String mailbox) {
    Map<String, String[]> operations = new LinkedHashMap<>();
    // service, operation, a valid payload, the element that takes a number
    operations.put("getEmail", new String[] {"EmailService", "<v:id>%s</v:id>"});
    operations.put("cancelEmail", new String[] {"EmailService", "<v:id>%s</v:id>"});
    operations.put(
        "getAttachment",
        new String[] {"EmailService", "<v:emailId>%s</v:emailId><v:position>0</v:position>"});
    operations.put(
        "listEmails",
        new String[] {"EmailService", "<v:query><v:mailboxId>%s</v:mailboxId></v:query>"});
    operations.put(
        "sendEmail",
        new String[] {
          "EmailService",
          "<v:email><v:senderMailboxId>%s</v:senderMailboxId><v:to>a@example.org</v:to></v:email>"
        });
    operations.put("getMailbox", new String[] {"MailboxService", "<v:id>%s</v:id>"});
    operations.put("approveMailbox", new String[] {"MailboxService", "<v:id>%s</v:id>"});
    operations.put("rejectMailbox", new String[] {"MailboxService", "<v:id>%s</v:id>"});
    operations.put(
        "testAndEnableMailboxes",
        new String[] {"MailboxService", "<v:mailboxIds>%s</v:mailboxIds>"});
    operations.put("getJob", new String[] {"JobService", "<v:id>%s</v:id>"});

    Map<String, String> numbers = new LinkedHashMap<>();
    numbers.put("a number that is text", "abc");
    numbers.put("a number beyond long", "99999999999999999999");
    numbers.put("an empty number", "");
    numbers.put("a fraction", "1.5");
    numbers.put("an unknown id", UNKNOWN_ID);

    List<Case> cases = new ArrayList<>();
    operations.forEach(
        (operation, spec) -> {
          String service = spec[0];
          String payload = spec[1];
          numbers.forEach(
              (malformation, value) -> {
                if (operation.equals("listEmails") && value.equals(UNKNOWN_ID)) {
                  return; // a filter by a mailbox that does not exist lists nothing: no mistake
                }
                cases.add(
                    soap(
                        operation + " with " + malformation,
                        service,
                        envelope(operation, payload.formatted(value))));
              });
          String valid = payload.formatted(UNKNOWN_ID);
          cases.add(soap(operation + " with an empty body", service, ""));
          cases.add(soap(operation + " with text that is not XML", service, "this is not XML"));
          cases.add(
              soap(
                  operation + " cut off",
                  service,
                  envelope(operation, valid)
                      .substring(0, envelope(operation, valid).length() / 2)));
          cases.add(
              soap(
                  operation + " in another namespace",
                  service,
                  envelope(operation, valid).replace("urn:syncpost:v1", "urn:syncpost:v0")));
          cases.add(
              soap(
                  operation + " with an unknown element",
                  service,
                  envelope(operation, valid + "<v:noSuchElement>1</v:noSuchElement>")));
          cases.add(
              soap(
                  operation + " with an external entity",
                  service,
                  "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                      + envelope(operation, valid.replace(UNKNOWN_ID, "&x;"))));
          cases.add(
              soap(
                  operation + " without a body element",
                  service,
                  "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"></s:Envelope>"));
          cases.add(
              soap(
                  operation + " in a SOAP 1.2 envelope",
                  service,
                  envelope(operation, valid)
                      .replace(
                          "http://schemas.xmlsoap.org/soap/envelope/",
                          "http://www.w3.org/2003/05/soap-envelope")));
          cases.add(
              soapBytes(
                  operation + " with invalid UTF-8",
                  service,
                  concat(
                      utf8(envelope(operation, "<v:id>")),
                      new byte[] {(byte) 0xC3, (byte) 0x28},
                      utf8("</v:id>")),
                  "text/xml; charset=utf-8"));
          cases.add(
              soapBytes(operation + " as JSON", service, utf8("{\"id\": 1}"), "application/json"));
        });
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("an unknown direction", "<v:direction>SIDEWAYS</v:direction>");
    queries.put("an unknown status", "<v:status>LOST</v:status>");
    queries.put("a date that is no date", "<v:since>yesterday</v:since>");
    queries.put("a date in year 999,999,999", "<v:since>999999999-12-31T23:59:59Z</v:since>");
    queries.put("a limit that is text", "<v:limit>many</v:limit>");
    queries.put("a negative limit", "<v:limit>-1</v:limit>");
    queries.forEach(
        (malformation, element) ->
            cases.add(
                soap(
                    "listEmails with " + malformation,
                    "EmailService",
                    envelope("listEmails", "<v:query>" + element + "</v:query>"))));
    Map<String, String> sends = new LinkedHashMap<>();
    String sender =
        "<v:senderMailboxId>" + mailbox + "</v:senderMailboxId><v:to>a@example.org</v:to>";
    sends.put(
        "a send time in year 999,999,999",
        sender + "<v:sendAt>999999999-12-31T23:59:59Z</v:sendAt>");
    sends.put("a send time that is no date", sender + "<v:sendAt>tomorrow</v:sendAt>");
    sends.put("a send time before 1970", sender + "<v:sendAt>1900-01-01T00:00:00Z</v:sendAt>");
    sends.put("a draft flag that is no boolean", sender + "<v:draft>maybe</v:draft>");
    sends.put(
        "CR/LF in an attachment name",
        sender
            + "<v:attachments><v:name>a&#13;&#10;Bcc: x@example.org</v:name><v:contentType>text/plain</v:contentType><v:content>YQ==</v:content></v:attachments>");
    sends.put(
        "a multipart attachment type",
        sender
            + "<v:attachments><v:name>a</v:name><v:contentType>multipart/mixed; boundary=b</v:contentType><v:content>YQ==</v:content></v:attachments>");
    sends.put(
        "an attachment that is not base64",
        sender
            + "<v:attachments><v:name>a</v:name><v:contentType>text/plain</v:contentType><v:content>***</v:content></v:attachments>");
    sends.forEach(
        (malformation, fields) ->
            cases.add(
                soap(
                    "sendEmail with " + malformation,
                    "EmailService",
                    envelope("sendEmail", "<v:email>" + fields + "</v:email>"))));
    return cases;
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

  private Case soap(String name, String service, String body) {
    return soapBytes(name, service, utf8(body), "text/xml; charset=utf-8");
  }

  private Case soapBytes(String name, String service, byte[] body, String contentType) {
    HttpRequest request =
        HttpRequest.newBuilder(server.httpsBase().resolve(service))
            .timeout(PATIENCE)
            .header("Authorization", authorization)
            .header("Content-Type", contentType)
            .header("SOAPAction", "\"\"")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return new Case("SOAP " + service + " " + name, request, true);
  }

  // ---- judging ----

  /** Four at a time: the suite stays short without crowding the server. */
  private List<String> sendAll(List<Case> cases) throws Exception {
    List<String> failures = new ArrayList<>();
    for (int start = 0; start < cases.size(); start += 4) {
      List<Case> batch = cases.subList(start, Math.min(cases.size(), start + 4));
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (Case c : batch) {
        answers.add(
            client
                .sendAsync(c.request(), HttpResponse.BodyHandlers.ofString())
                .handle((response, thrown) -> judge(c, response, thrown)));
      }
      for (CompletableFuture<String> answer : answers) {
        String failure = answer.get(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (failure != null) {
          failures.add(failure);
        }
      }
    }
    return failures;
  }

  /** Null when the answer is a proper refusal; else what is wrong with it. */
  private static String judge(Case c, HttpResponse<String> response, Throwable thrown) {
    if (thrown != null) {
      return c.name()
          + ": "
          + (thrown.getCause() instanceof HttpTimeoutException ? "hung" : thrown.toString());
    }
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    String body = response.body();
    String shown = c.name() + ": " + status + " " + type + " " + abbreviated(body);
    if (c.soap()) {
      return soapRefusal(status, body) ? null : shown;
    }
    if (status < 400 || status >= 500) {
      return shown;
    }
    if (!type.startsWith("application/problem+json")) {
      return shown;
    }
    try {
      // a refusal is still an answer of the contract: a status it declares, a Problem body
      ContractCheck.check(
          c.request().method(), c.request().uri(), status, response.headers(), body);
      return null;
    } catch (AssertionError broken) {
      return c.name() + ": " + broken.getMessage();
    }
  }

  /**
   * A SOAP 1.1 fault travels with HTTP 500 (WS-I Basic Profile R1126); what counts is its code: the
   * caller's mistake is {@code Client}. A 4xx before any SOAP processing (e.g. 415) is a refusal
   * too. No fault names a parser or JAXB class.
   */
  private static boolean soapRefusal(int status, String body) {
    if (status >= 400 && status < 500) {
      return true;
    }
    if (status != 500) {
      return false;
    }
    boolean client =
        body.matches("(?s).*<faultcode>[\\w-]+:(Client|VersionMismatch)</faultcode>.*")
            || body.matches("(?s).*<[\\w-]+:Value>[\\w-]+:Sender</[\\w-]+:Value>.*");
    boolean namesClasses =
        body.matches("(?s).*\\b(com\\.sun|com\\.ctc|org\\.xml|javax?\\.xml|jakarta\\.xml)\\.\\w.*")
            || body.contains("Exception");
    return client && !namesClasses;
  }

  private Map<String, String> counts(long profile, String mailbox) {
    Map<String, String> counts = new LinkedHashMap<>();
    for (String list : COUNTED) {
      counts.put(list, total(list + "?limit=1"));
    }
    counts.put("alerts of the mailbox", total("alerts?limit=1&mailboxId=" + mailbox));
    counts.put("alerts of the profile", total("alerts?limit=1&profileId=" + profile));
    return counts;
  }

  private String total(String list) {
    Reply reply = admin.get(list);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.header("X-Total-Count");
  }

  private long created(String path, String json) {
    Reply reply = admin.post(path, json);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getJsonNumber("id").longValue();
  }

  private static String abbreviated(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
