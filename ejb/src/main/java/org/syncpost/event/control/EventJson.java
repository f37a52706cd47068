package org.syncpost.event.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.syncpost.event.entity.Event;

/** The JSON of an event, the same in the feed and in a webhook's body. */
public final class EventJson {

  /**
   * The JSON-P provider every event's data is built with, looked up once: {@code
   * Json.createObjectBuilder()} asks the ServiceLoader for it on every call, which scans the
   * application's jars (a tenth of ingestion's CPU, issue 19).
   */
  public static final JsonProvider JSON = JsonProvider.provider();

  private EventJson() {}

  /**
   * {@code {"id", "type", "occurredOn", "data"}}; the id is a string, stable for de-duplication.
   */
  public static JsonObject of(Event event) {
    try (var reader = JSON.createReader(new StringReader(event.getData()))) {
      return JSON.createObjectBuilder()
          .add("id", String.valueOf(event.getId()))
          .add("type", event.getType().externalName())
          .add("occurredOn", event.getOccurredOn().toString())
          .add("data", reader.readObject())
          .build();
    }
  }
}
