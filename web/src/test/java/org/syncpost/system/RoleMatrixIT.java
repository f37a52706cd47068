package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.imapProfile;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.api.boundary.rest.ApiContract;
import org.syncpost.system.Api.Reply;

/**
 * Calls every REST and SOAP operation — found by reflection over the JAX-RS resources, so a new one
 * cannot be forgotten — as an administrator, an approver, the owner of the mailbox the call is
 * about and the owner of another mailbox, and checks each answer against the role matrix
 * (docs/access.md): allowed means neither 401/403 nor a server error (a 400 for the empty body or a
 * 404 for an id that does not exist is fine), refused means 403 (or 404 for what belongs to someone
 * else). A signed-in user without any role is refused every operation, REST and SOAP alike.
 */
@ExtendWith(SharedSyncPost.class)
class RoleMatrixIT {

  /** Expected answer of one caller: allowed, refused, not found for everyone, or not called. */
  private enum Outcome {
    OK,
    NO,
    NOT_FOUND,
    SKIP;

    static Outcome of(String cell) {
      return switch (cell) {
        case "ok" -> OK;
        case "no" -> NO;
        case "nf" -> NOT_FOUND;
        case "skip" -> SKIP;
        default -> throw new IllegalArgumentException(cell);
      };
    }
  }

  /**
   * Operation, then the answer for administrator, approver, owner of mailbox A, owner of mailbox B.
   * Ids: {mailbox} is A; {email} a draft sent from A; {job} a job the administrator started;
   * {profile}, {queue}, {user} (B's owner) exist; {missing} exists nowhere. Mutations of key
   * material are skipped for the administrator: they would change the shared server's keys.
   */
  private static final String MATRIX =
      """
      GET openapi.yaml                           ok   ok   ok   ok
      GET openapi.json                           ok   ok   ok   ok
      GET jobs                                   ok   ok   ok   ok
      GET jobs/{job}                             ok   ok   no   no
      GET quarantine                             ok   no   no   no
      GET quarantine/{missing}                   ok   no   no   no
      POST quarantine/{missing}/retry            ok   no   no   no
      GET known-correspondents                   ok   no   no   no
      POST known-correspondents                  ok   no   no   no
      GET known-correspondents/{missing}         ok   no   no   no
      DELETE known-correspondents/{missing}      ok   no   no   no
      POST mailboxes/{mailbox}/sync              ok   no   no   no
      GET profiles                               ok   ok   no   no
      GET profiles/{profile}                     ok   ok   no   no
      POST profiles                              ok   no   no   no
      PATCH profiles/{profile}                   ok   no   no   no
      POST profiles/{profile}/test-and-enable    ok   no   no   no
      GET profiles/{profile}/oauth               ok   ok   no   no
      PUT profiles/{profile}/oauth               ok   no   no   no
      GET profile-presets                        ok   no   no   no
      DELETE profiles/{missing}                  ok   no   no   no
      GET alerts                                 ok   ok   ok   ok
      GET alerts/{missing}                       nf   nf   nf   nf
      POST alerts/{missing}/dismiss              nf   nf   nf   nf
      GET audit                                  ok   no   no   no
      GET events                                 ok   no   no   no
      GET webhooks                               ok   no   no   no
      POST webhooks                              ok   no   no   no
      GET webhooks/{missing}                     nf   no   no   no
      PATCH webhooks/{missing}                   nf   no   no   no
      DELETE webhooks/{missing}                  nf   no   no   no
      GET webhooks/{missing}/deliveries          nf   no   no   no
      GET mailboxes                              ok   ok   ok   ok
      GET mailboxes/{mailbox}                    ok   ok   ok   no
      PATCH mailboxes/{mailbox}                  ok   no   ok   no
      POST mailboxes/{mailbox}/approve           ok   ok   no   no
      POST mailboxes/{mailbox}/reject            ok   ok   no   no
      POST mailboxes/apply-default-settings      ok   no   no   no
      POST mailboxes/{mailbox}/test-and-enable   ok   no   no   no
      GET mailboxes/{mailbox}/oauth              ok   no   ok   no
      POST mailboxes/test-and-enable             ok   no   no   no
      POST mailboxes/bulk-edit                   ok   no   no   no
      GET credential-keys                        ok   no   no   no
      POST credential-keys/rotate                skip no   no   no
      POST credential-keys/reload                skip no   no   no
      POST credential-keys/reencrypt             skip no   no   no
      GET settings                               ok   ok   no   no
      PATCH settings                             ok   no   no   no
      POST emails                                ok   no   ok   no
      POST emails/batch                          ok   no   ok   no
      POST emails/{email}/send                   ok   no   ok   no
      POST emails/{email}/send-now               ok   no   ok   no
      POST emails/{email}/cancel                 ok   no   ok   no
      GET emails                                 ok   ok   ok   ok
      GET emails/{email}                         ok   no   ok   no
      GET emails/{email}/attachments/{n}         ok   no   ok   no
      GET queues                                 ok   no   no   no
      GET queues/{queue}                         ok   no   no   no
      POST queues                                ok   no   no   no
      PATCH queues/{queue}                       ok   no   no   no
      DELETE queues/{missing}                    ok   no   no   no
      GET users                                  ok   no   no   no
      GET users/{user}                           ok   no   no   no
      POST users                                 ok   no   no   no
      PATCH users/{user}                         ok   no   no   no
      DELETE users/{missing}                     ok   no   no   no
      """;

  /** The same for every SOAP operation (found by reflection over the endpoints' web methods). */
  private static final String SOAP_MATRIX =
      """
      EmailService.getEmail                  ok   no   ok   no
      EmailService.cancelEmail               ok   no   ok   no
      EmailService.listEmails                ok   ok   ok   ok
      EmailService.getAttachment             ok   no   ok   no
      EmailService.sendEmail                 ok   no   ok   ok
      MailboxService.getMailbox              ok   ok   ok   no
      MailboxService.approveMailbox          ok   ok   no   no
      MailboxService.rejectMailbox           ok   ok   no   no
      MailboxService.testAndEnableMailboxes  ok   no   no   no
      JobService.getJob                      ok   ok   no   no
      """;

  private static final String PASSWORD = "role-matrix-password-1";

  private final SyncPostServer server;
  private final Api admin;

  RoleMatrixIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  private static Map<String, List<Outcome>> expected() {
    return rows(MATRIX, 2);
  }

  private static Map<String, List<Outcome>> rows(String table, int keyCells) {
    Map<String, List<Outcome>> rows = new LinkedHashMap<>();
    table
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .forEach(
            line -> {
              String[] cells = line.split("\\s+");
              rows.put(
                  String.join(" ", java.util.Arrays.copyOf(cells, keyCells)),
                  Stream.of(cells).skip(keyCells).map(Outcome::of).toList());
            });
    return rows;
  }

  /** Every REST operation the server has: method and path template under api/v1. */
  private static Set<String> restOperations() throws Exception {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            Class.forName("org.syncpost.api.boundary.rest.ApiApplication")
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Set<String> operations = new TreeSet<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("org/syncpost"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        if (name.contains("$") || !name.contains(".rest.")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, RoleMatrixIT.class.getClassLoader());
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          String verb = verb(method);
          if (verb != null) {
            Path sub = method.getAnnotation(Path.class);
            String path = root.value() + (sub == null ? "" : "/" + sub.value());
            operations.add(
                verb + " " + path.replaceAll("/+", "/").replaceAll("/$", "").replaceAll("^/", ""));
          }
        }
      }
    }
    return operations;
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (method.isAnnotationPresent(PATCH.class)) {
      return "PATCH";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
  }

  @TestFactory
  Stream<DynamicTest> everyRestOperationAnswersEachRoleAsTheMatrixSays() throws Exception {
    Map<String, List<Outcome>> expected = expected();
    Set<String> found = restOperations();
    // ids in the table are named by what they are; the resources name them all {id}
    Set<String> tabled = new TreeSet<>();
    expected.keySet().forEach(op -> tabled.add(op.replaceAll("\\{[a-z]+}(?=/|$)", "{id}")));
    Set<String> foundNormalised = new TreeSet<>();
    found.forEach(op -> foundNormalised.add(op.replaceAll("\\{[a-z]+}(?=/|$)", "{id}")));
    assertThat(tabled).as("the REST operations and the matrix's rows").isEqualTo(foundNormalised);

    Fixture fixture = new Fixture();
    List<Api> callers =
        List.of(
            admin,
            server.https(fixture.approver, PASSWORD),
            server.https(fixture.ownerA, PASSWORD),
            server.https(fixture.ownerB, PASSWORD));
    List<String> names = List.of("administrator", "approver", "owner", "other owner");
    List<DynamicTest> tests = new ArrayList<>();
    expected.forEach(
        (operation, outcomes) -> {
          for (int i = 0; i < callers.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome == Outcome.SKIP) {
              continue;
            }
            Api caller = callers.get(i);
            tests.add(
                DynamicTest.dynamicTest(
                    operation + " as " + names.get(i),
                    () -> check(outcome, call(caller, operation, fixture))));
          }
        });
    return tests.stream();
  }

  /** Every SOAP operation: service name and web method, with the parameters' element names. */
  private static Map<String, List<java.lang.reflect.Parameter>> soapOperations() throws Exception {
    Map<String, List<java.lang.reflect.Parameter>> operations = new java.util.TreeMap<>();
    for (String endpoint :
        List.of(
            "org.syncpost.email.boundary.soap.EmailsEndpoint",
            "org.syncpost.mailbox.boundary.soap.MailboxesEndpoint",
            "org.syncpost.job.boundary.soap.JobsEndpoint")) {
      Class<?> type = Class.forName(endpoint, false, RoleMatrixIT.class.getClassLoader());
      String service = type.getAnnotation(jakarta.jws.WebService.class).serviceName();
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(jakarta.jws.WebMethod.class)) {
          operations.put(service + "." + method.getName(), List.of(method.getParameters()));
        }
      }
    }
    return operations;
  }

  @TestFactory
  Stream<DynamicTest> everySoapOperationAnswersEachRoleAsTheMatrixSays() throws Exception {
    Map<String, List<Outcome>> expected = rows(SOAP_MATRIX, 1);
    Map<String, List<java.lang.reflect.Parameter>> found = soapOperations();
    assertThat(expected.keySet())
        .as("the SOAP operations and the matrix's rows")
        .containsExactlyInAnyOrderElementsOf(found.keySet());

    Fixture fixture = new Fixture();
    List<SoapCaller> callers =
        List.of(
            server.soap("admin", SyncPostServer.ADMIN_PASSWORD),
            server.soap(fixture.approver, PASSWORD),
            server.soap(fixture.ownerA, PASSWORD),
            server.soap(fixture.ownerB, PASSWORD));
    List<String> names = List.of("administrator", "approver", "owner", "other owner");
    List<DynamicTest> tests = new ArrayList<>();
    expected.forEach(
        (operation, outcomes) -> {
          String service = operation.substring(0, operation.indexOf('.'));
          String envelope = fixture.envelope(operation, found.get(operation));
          for (int i = 0; i < callers.size(); i++) {
            Outcome outcome = outcomes.get(i);
            SoapCaller caller = callers.get(i);
            tests.add(
                DynamicTest.dynamicTest(
                    operation + " as " + names.get(i),
                    () -> checkSoap(outcome, caller.raw(service, envelope))));
          }
        });
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aUserWithoutAnyRoleIsRefusedEveryOperationSayingToAskAnAdministrator()
      throws Exception {
    Fixture fixture = new Fixture();
    String roleless = fixture.userWithoutRole();
    Api rest = server.https(roleless, PASSWORD);
    SoapCaller soap = server.soap(roleless, PASSWORD);
    Map<String, List<java.lang.reflect.Parameter>> soapOperations = soapOperations();
    List<DynamicTest> tests = new ArrayList<>();
    expected().keySet().stream()
        // the contract is open to anyone, signed in or not (ADR 0022)
        .filter(operation -> !ApiContract.PATHS.contains("/api/v1/" + operation.split(" ")[1]))
        .forEach(
            operation ->
                tests.add(
                    DynamicTest.dynamicTest(
                        operation + " without a role",
                        () -> {
                          Reply answer = call(rest, operation, fixture);
                          assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
                          assertThat(answer.header("Content-Type"))
                              .startsWith("application/problem+json");
                          assertThat(answer.json().getString("detail"))
                              .contains("no role", "ask an administrator");
                        })));
    soapOperations.forEach(
        (operation, parameters) ->
            tests.add(
                DynamicTest.dynamicTest(
                    operation + " without a role",
                    () -> {
                      var answer =
                          soap.raw(
                              operation.substring(0, operation.indexOf('.')),
                              fixture.envelope(operation, parameters));
                      assertThat(answer.body())
                          .as(answer.statusCode() + " " + answer.body())
                          .contains("<faultcode>S:Client</faultcode>", "no role")
                          .contains("ask an administrator");
                    })));
    return tests.stream();
  }

  /** Allowed: an answer or a fault for the request itself; refused: AccessDenied or NotFound. */
  private static void checkSoap(Outcome expected, java.net.http.HttpResponse<String> answer) {
    String body = answer.body();
    String seen = answer.statusCode() + " " + body;
    boolean denied = body.contains("AccessDeniedFault");
    boolean callersMistake =
        body.contains("ValidationFault")
            || body.contains("NotFoundFault")
            || body.contains("NotAllowedNowFault");
    switch (expected) {
      case OK ->
          assertThat(answer.statusCode() == 200 || callersMistake && !denied).as(seen).isTrue();
      case NO -> assertThat(denied || body.contains("NotFoundFault")).as(seen).isTrue();
      case NOT_FOUND -> assertThat(body).as(seen).contains("NotFoundFault");
      case SKIP -> {}
    }
  }

  private static void check(Outcome expected, Reply answer) {
    int status = answer.status();
    switch (expected) {
      case OK -> assertThat(status).as(answer.toString()).isNotIn(401, 403).isLessThan(500);
      case NO -> assertThat(status).as(answer.toString()).isIn(403, 404);
      case NOT_FOUND -> assertThat(status).as(answer.toString()).isEqualTo(404);
      case SKIP -> {}
    }
  }

  private static Reply call(Api caller, String operation, Fixture fixture) {
    String verb = operation.substring(0, operation.indexOf(' '));
    String path = fixture.fill(operation.substring(operation.indexOf(' ') + 1));
    String body =
        switch (operation) {
          case "POST emails" -> fixture.draftBody();
          case "POST emails/batch" -> "{\"emails\": [" + fixture.draftBody() + "]}";
          default -> "{}";
        };
    return switch (verb) {
      case "GET" -> caller.get(path);
      case "POST" -> caller.post(path, body);
      case "PATCH" -> caller.patch(path, body);
      case "PUT" -> caller.put(path, body);
      case "DELETE" -> caller.delete(path);
      default -> throw new IllegalArgumentException(operation);
    };
  }

  /** The users and things the calls are about, created by the administrator. */
  private final class Fixture {
    final String approver = user("approver");
    final String ownerA = user("mailbox-owner");
    final String ownerB = user("mailbox-owner");
    final long mailboxA = mailboxOf(ownerA);
    final long userB = userId(ownerB);
    final long profile =
        admin
            .post("profiles", imapProfile(unique("matrix")))
            .json()
            .getJsonNumber("id")
            .longValue();
    final long queue =
        admin
            .post(
                "queues",
                Json.createObjectBuilder()
                    .add("name", unique("matrix-queue"))
                    .add("email", unique("matrix-queue") + "@example.org")
                    .build()
                    .toString())
            .json()
            .getJsonNumber("id")
            .longValue();
    final long email = admin.post("emails", draftBody()).json().getJsonNumber("id").longValue();
    final long job =
        admin
            .post("mailboxes/test-and-enable", "{\"mailboxIds\": [" + mailboxA + "]}")
            .json()
            .getJsonNumber("id")
            .longValue();

    /** A request for the operation: ids of the fixture, 0 for positions, empty structures. */
    String envelope(String operation, List<java.lang.reflect.Parameter> parameters) {
      StringBuilder body = new StringBuilder();
      for (java.lang.reflect.Parameter parameter : parameters) {
        String name = parameter.getAnnotation(jakarta.jws.WebParam.class).name();
        String value =
            switch (name) {
              case "id", "emailId" ->
                  String.valueOf(
                      operation.startsWith("EmailService")
                          ? email
                          : operation.startsWith("JobService") ? job : mailboxA);
              case "mailboxIds" -> String.valueOf(mailboxA);
              case "position" -> "0";
              default -> "";
            };
        body.append("<v:")
            .append(name)
            .append('>')
            .append(value)
            .append("</v:")
            .append(name)
            .append('>');
      }
      String method = operation.substring(operation.indexOf('.') + 1);
      return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
          + " xmlns:v=\"urn:syncpost:v1\"><s:Body><v:"
          + method
          + ">"
          + body
          + "</v:"
          + method
          + "></s:Body></s:Envelope>";
    }

    String draftBody() {
      return Json.createObjectBuilder()
          .add("senderMailboxId", mailboxA)
          .add("to", Json.createArrayBuilder().add("someone@example.org"))
          .add("subject", "role matrix")
          .add("draft", true)
          .build()
          .toString();
    }

    String fill(String template) {
      return template
          .replace("{mailbox}", String.valueOf(mailboxA))
          .replace("{email}", String.valueOf(email))
          .replace("{job}", String.valueOf(job))
          .replace("{profile}", String.valueOf(profile))
          .replace("{queue}", String.valueOf(queue))
          .replace("{user}", String.valueOf(userB))
          .replace("{missing}", "999999999")
          .replace("{n}", "0");
    }

    String userWithoutRole() {
      return user();
    }

    private String user(String... roles) {
      String name = unique("matrix");
      SignInUsers.create(admin, name, PASSWORD, roles);
      return name;
    }

    private long mailboxOf(String name) {
      return admin.get("users/" + userId(name)).json().getJsonNumber("mailboxId").longValue();
    }

    private long userId(String name) {
      return admin.get("users?limit=1000").array().stream()
          .map(v -> v.asJsonObject())
          .filter(u -> u.getString("name").equals(name))
          .findFirst()
          .orElseThrow()
          .getJsonNumber("id")
          .longValue();
    }
  }
}
