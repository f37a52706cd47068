package org.syncpost.api.control;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.syncpost.audit.entity.Tracked;

/**
 * Writes optional values the same way everywhere: absent values as JSON null, times in ISO-8601
 * UTC.
 */
public final class JsonOutput {

  private final JsonObjectBuilder builder = JSON.createObjectBuilder();

  public JsonOutput add(String name, String value) {
    if (value == null) {
      builder.addNull(name);
    } else {
      builder.add(name, value);
    }
    return this;
  }

  public JsonOutput add(String name, Long value) {
    if (value == null) {
      builder.addNull(name);
    } else {
      builder.add(name, value);
    }
    return this;
  }

  public JsonOutput add(String name, Integer value) {
    return add(name, value == null ? null : value.longValue());
  }

  public JsonOutput add(String name, long value) {
    builder.add(name, value);
    return this;
  }

  public JsonOutput add(String name, int value) {
    builder.add(name, value);
    return this;
  }

  public JsonOutput add(String name, boolean value) {
    builder.add(name, value);
    return this;
  }

  public JsonOutput add(String name, Enum<?> value) {
    return add(name, value == null ? null : value.name());
  }

  public JsonOutput add(String name, Instant value) {
    return add(name, value == null ? null : value.toString());
  }

  public JsonOutput add(String name, jakarta.json.JsonValue value) {
    builder.add(name, value);
    return this;
  }

  /** The fields every record carries: id, version and who changed it when. */
  public JsonOutput tracked(Tracked entity) {
    return add("id", entity.getId())
        .add("version", entity.getVersion())
        .add("createdOn", entity.getCreatedOn())
        .add("modifiedOn", entity.getModifiedOn())
        .add("modifiedBy", entity.getModifiedBy());
  }

  public static <T> JsonArray array(List<T> items, Function<T, JsonObject> representation) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    items.forEach(item -> array.add(representation.apply(item)));
    return array.build();
  }

  /** A page of a list, with the total in {@code X-Total-Count} as the API promises. */
  public static <T> Response page(
      List<T> items, long total, Function<T, JsonObject> representation) {
    return Response.ok(array(items, representation)).header("X-Total-Count", total).build();
  }

  public JsonObject build() {
    return builder.build();
  }
}
