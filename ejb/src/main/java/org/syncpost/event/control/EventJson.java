package org.syncpost.event.control;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.syncpost.event.entity.Event;

/** The JSON of an event, the same in the feed and in a webhook's body. */
public final class EventJson {

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
