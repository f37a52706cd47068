package org.syncpost.system;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.syncpost.api.boundary.rest.ApiContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds every answer the system tests get from the REST API to the contract (ADR 0022): the status
 * must be one the operation declares, with its required headers, in a declared content type, and a
 * JSON body must be valid against the declared schema — checked by an independent JSON Schema
 * validator, so an undeclared field ({@code additionalProperties: false}), a wrong type or a value
 * outside an enum fails the calling test, naming operation, status and field.
 */
final class ContractCheck {

  private static final String PREFIX = "/api/v1";
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNode DOCUMENT = MAPPER.readTree(ApiContract.json().toString());
  private static final List<Route> ROUTES = routes();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private ContractCheck() {}

  /** Fails with an {@link AssertionError} when the answer breaks the contract. */
  static void check(String method, URI uri, int status, HttpHeaders headers, String body) {
    String path = uri.getPath().substring(PREFIX.length());
    Route route =
        ROUTES.stream()
            .filter(r -> r.method.equals(method) && r.pattern.matcher(path).matches())
            .min(Comparator.comparingInt(Route::variables))
            .orElse(null);
    if (route == null) {
      if (status != 404 && status != 405) {
        fail(method + " " + path + " is no operation of the contract, yet answered " + status);
      }
      return;
    }
    String operation =
        route.operation.path("operationId").asString() + " (" + method + " " + route.template + ")";
    JsonNode answer = route.operation.path("responses").get(String.valueOf(status));
    if (answer == null) {
      fail(
          operation
              + " answered "
              + status
              + ", which the contract does not declare: "
              + cut(body));
    }
    answer = resolved(answer);
    for (Map.Entry<String, JsonNode> header : answer.path("headers").properties()) {
      if (resolved(header.getValue()).path("required").asBoolean(false)
          && headers.firstValue(header.getKey()).isEmpty()) {
        fail(operation + " answered " + status + " without its " + header.getKey() + " header");
      }
    }
    JsonNode content = answer.get("content");
    if (content == null) {
      if (body != null && !body.isEmpty()) {
        fail(
            operation
                + " answered "
                + status
                + " with a body the contract does not declare: "
                + cut(body));
      }
      return;
    }
    String mediaType =
        headers
            .firstValue("Content-Type")
            .orElse("")
            .split(";")[0]
            .strip()
            .toLowerCase(Locale.ROOT);
    String declared = content.has(mediaType) ? mediaType : content.has("*/*") ? "*/*" : null;
    if (declared == null) {
      fail(
          operation
              + " answered "
              + status
              + " as '"
              + mediaType
              + "'; the contract says "
              + content.propertyNames());
    }
    if (body != null && (mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
      Schema schema =
          SCHEMAS.computeIfAbsent(
              route.template + method + status + declared,
              key -> schemaOf(content.path(declared).path("schema")));
      List<Error> errors = schema.validate(MAPPER.readTree(body));
      if (!errors.isEmpty()) {
        fail(
            operation
                + " answered "
                + status
                + " with a body that breaks the contract: "
                + errors.stream().map(Error::toString).collect(Collectors.joining("; "))
                + " — body: "
                + cut(body));
      }
    }
  }

  private static Schema schemaOf(JsonNode declared) {
    // the operation's schema as the root of a document that holds the components its $refs name
    ObjectNode root = (ObjectNode) declared.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("components", DOCUMENT.get("components"));
    return REGISTRY.getSchema(root);
  }

  private static JsonNode resolved(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : DOCUMENT.at(ref.asString().substring(1));
  }

  private static List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : DOCUMENT.path("paths").properties()) {
      String template = path.getKey();
      Pattern pattern =
          Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."));
      int variables = template.split("\\{", -1).length - 1;
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        routes.add(
            new Route(
                operation.getKey().toUpperCase(Locale.ROOT),
                template,
                pattern,
                variables,
                operation.getValue()));
      }
    }
    return routes;
  }

  private static String cut(String body) {
    return body == null || body.length() <= 1500
        ? String.valueOf(body)
        : body.substring(0, 1500) + "…";
  }

  private static void fail(String message) {
    throw new AssertionError("Contract broken: " + message);
  }

  private record Route(
      String method, String template, Pattern pattern, int variables, JsonNode operation) {}
}
