package org.syncpost.api.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The REST API's OpenAPI 3.1 document, {@code openapi.yaml} next to this class: kept by hand and
 * the one source of what is served, of the generated client and of the system tests' answer checks
 * (ADR 0022). Read once; the JSON form is the same document, converted.
 */
public final class ApiContract {

  /** The addresses (below the application path) where the document is served to anyone. */
  public static final Set<String> PATHS = Set.of("/api/v1/openapi.yaml", "/api/v1/openapi.json");

  public static final String YAML_MEDIA_TYPE = "application/yaml";

  private static final String RESOURCE = "openapi.yaml";

  private static final String YAML = read();

  private static final JsonObject AS_JSON = toJson(YAML);

  private ApiContract() {}

  public static String yaml() {
    return YAML;
  }

  public static JsonObject json() {
    return AS_JSON;
  }

  private static String read() {
    try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing next to " + ApiContract.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject toJson(String yaml) {
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return (JsonObject) value(document);
  }

  private static JsonValue value(Object node) {
    if (node == null) {
      return JsonValue.NULL;
    }
    if (node instanceof Map<?, ?> map) {
      JsonObjectBuilder object = JSON.createObjectBuilder();
      map.forEach((key, child) -> object.add(String.valueOf(key), value(child)));
      return object.build();
    }
    if (node instanceof List<?> list) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      list.forEach(child -> array.add(value(child)));
      return array.build();
    }
    if (node instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (node instanceof Integer || node instanceof Long) {
      return JSON.createValue(((Number) node).longValue());
    }
    if (node instanceof BigInteger big) {
      return JSON.createValue(big);
    }
    if (node instanceof Double || node instanceof Float) {
      return JSON.createValue(new BigDecimal(node.toString()));
    }
    // dates and anything else YAML may type are text in an OpenAPI document
    return JSON.createValue(String.valueOf(node));
  }
}
