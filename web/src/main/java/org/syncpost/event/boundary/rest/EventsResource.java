package org.syncpost.event.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.syncpost.event.boundary.Events;
import org.syncpost.event.control.EventJson;
import org.syncpost.event.entity.Event;
import org.syncpost.validation.entity.InvalidInput;

/**
 * {@code /api/v1/events}: what happened, oldest first, after a cursor the reader keeps ({@code
 * next} of the previous page). For applications that cannot receive webhooks.
 */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1_000;

  @Inject Events events;

  /**
   * {@code {"events": [{"id", "type", "occurredOn", "data"}], "next": cursor}}; {@code next} is the
   * cursor to ask after next time (the same one when nothing new happened).
   */
  @GET
  public JsonObject after(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
    long cursor = cursor(after);
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw InvalidInput.of("limit", "must be 1 to " + MAX_LIMIT);
    }
    List<Event> page = events.after(cursor, size);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    long next = cursor;
    for (Event event : page) {
      items.add(EventJson.of(event));
      next = event.getFeedPosition();
    }
    return JSON.createObjectBuilder()
        .add("events", items)
        .add("next", String.valueOf(next))
        .build();
  }

  private static long cursor(String after) {
    if (after == null || after.isBlank()) {
      return 0;
    }
    try {
      long cursor = Long.parseLong(after.strip());
      if (cursor >= 0) {
        return cursor;
      }
    } catch (NumberFormatException notACursor) {
      // refused below
    }
    throw InvalidInput.of(
        "after", "must be a cursor from a previous answer's 'next' (or absent: from the start)");
  }
}
