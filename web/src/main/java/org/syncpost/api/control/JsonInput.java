package org.syncpost.api.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.Violation;

/**
 * Reads a JSON request body field by field, collecting one violation per field whose JSON type or
 * value cannot be taken (a string where a number belongs, an unknown enum constant), so that the
 * caller hears about all of them at once. Missing and {@code null} fields read as {@code null}.
 */
public final class JsonInput {

  private final JsonObject json;
  private final List<Violation> violations = new ArrayList<>();

  /**
   * The range of instants SyncPost stores: the database's timestamp columns hold years 1 to 9999,
   * and a date before 1970 is a mistake for every field the API has (send at, process from).
   */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /**
   * The longest secret in UTF-8 bytes: encrypted and Base64-encoded it must fit the 1,000
   * characters of its column (ADR 0003).
   */
  public static final int MAX_SECRET_BYTES = 512;

  public JsonInput(JsonObject json, Set<String> knownFields) {
    if (json == null) {
      // JAX-RS hands a resource null for an empty body
      json = JsonObject.EMPTY_JSON_OBJECT;
      violations.add(
          new Violation("body", "is required: send the request's fields as a JSON object"));
    }
    this.json = json;
    json.keySet().stream()
        .filter(name -> !knownFields.contains(name))
        .sorted()
        .forEach(
            name ->
                violations.add(
                    new Violation(name, "is not a field of this resource; check the spelling")));
  }

  public boolean has(String name) {
    return json.containsKey(name) && json.get(name).getValueType() != JsonValue.ValueType.NULL;
  }

  public String string(String name) {
    return read(
        name,
        JsonValue.ValueType.STRING,
        "must be a JSON string",
        v -> ((JsonString) v).getString());
  }

  public Integer integer(String name) {
    return read(
        name,
        JsonValue.ValueType.NUMBER,
        "must be a whole number",
        v -> {
          JsonNumber number = (JsonNumber) v;
          return number.isIntegral() && number.bigIntegerValue().bitLength() < 32
              ? number.intValue()
              : null;
        });
  }

  public Long id(String name) {
    return read(
        name,
        JsonValue.ValueType.NUMBER,
        "must be the numeric id of an existing record",
        v -> {
          JsonNumber number = (JsonNumber) v;
          return number.isIntegral() && number.bigIntegerValue().bitLength() < 64
              ? number.longValue()
              : null;
        });
  }

  public Boolean bool(String name) {
    if (!has(name)) {
      return null;
    }
    JsonValue value = json.get(name);
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return Boolean.TRUE;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return Boolean.FALSE;
    }
    violations.add(new Violation(name, "must be true or false"));
    return null;
  }

  public Instant instant(String name) {
    String text = string(name);
    if (text == null) {
      return null;
    }
    try {
      Instant instant = OffsetDateTime.parse(text).toInstant();
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        violations.add(new Violation(name, "must be between " + EARLIEST + " and " + LATEST));
        return null;
      }
      return instant;
    } catch (java.time.DateTimeException e) {
      violations.add(
          new Violation(name, "must be a date-time with offset, e.g. 2026-01-31T08:00:00Z"));
      return null;
    }
  }

  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String text = string(name);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException unknown) {
      violations.add(new Violation(name, "'" + text + "' is not one of " + choices(type)));
      return null;
    }
  }

  /** A write-only secret: present means "replace", absent or null means "keep". */
  public Secret secret(String name) {
    String text = string(name);
    if (text != null && text.isEmpty()) {
      violations.add(
          new Violation(name, "must not be empty; leave the field out to keep the stored value"));
      return null;
    }
    if (text != null && text.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
      violations.add(
          new Violation(name, "must be at most " + MAX_SECRET_BYTES + " bytes long (UTF-8)"));
      return null;
    }
    return text == null ? null : Secret.of(text);
  }

  public List<Long> ids(String name) {
    return array(
        name,
        "must be an array of numeric ids",
        v -> v instanceof JsonNumber n && n.isIntegral() ? n.longValue() : null);
  }

  public List<String> strings(String name) {
    return array(
        name, "must be an array of strings", v -> v instanceof JsonString s ? s.getString() : null);
  }

  /** Adds a violation found while interpreting a value (e.g. an unknown role name). */
  public void reject(String name, String message) {
    violations.add(new Violation(name, message));
  }

  /** Throws when any field could not be read; the facade never sees a half-read request. */
  public void requireReadable() {
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
  }

  private <T> List<T> array(String name, String message, Function<JsonValue, T> element) {
    if (!has(name)) {
      return null;
    }
    if (json.get(name).getValueType() != JsonValue.ValueType.ARRAY) {
      violations.add(new Violation(name, message));
      return null;
    }
    List<T> values = new ArrayList<>();
    for (JsonValue value : (JsonArray) json.get(name)) {
      T converted = element.apply(value);
      if (converted == null) {
        violations.add(new Violation(name, message));
        return null;
      }
      values.add(converted);
    }
    return values;
  }

  private <T> T read(
      String name, JsonValue.ValueType type, String message, Function<JsonValue, T> convert) {
    if (!has(name)) {
      return null;
    }
    JsonValue value = json.get(name);
    T converted = value.getValueType() == type ? convert.apply(value) : null;
    if (converted == null) {
      violations.add(new Violation(name, message));
    }
    return converted;
  }

  private static <E extends Enum<E>> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
