package org.syncpost.alert.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertFilter;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertSort;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.api.control.Sorting;
import org.syncpost.validation.entity.InvalidInput;

/**
 * {@code /api/v1/alerts}: the alerts wall, newest first; open alerts unless {@code
 * includeDismissed=true}. Mailbox owners see the alerts of their mailboxes and those addressed to
 * them.
 */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

  @Inject Alerts alerts;

  @GET
  public Response list(
      @QueryParam("mailboxId") Long mailboxId,
      @QueryParam("profileId") Long profileId,
      @QueryParam("level") String level,
      @QueryParam("mine") boolean mine,
      @QueryParam("includeDismissed") boolean includeDismissed,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    AlertFilter filter =
        new AlertFilter(mailboxId, profileId, level(level), includeDismissed, mine, q);
    // without a sort, the most recently raised first, as before sort existed
    Sorting<AlertSort> sorting =
        sort == null || sort.isBlank()
            ? new Sorting<>(AlertSort.LAST_RAISED_ON, true)
            : Sorting.of(sort, AlertSort.LAST_RAISED_ON);
    return JsonOutput.page(
        alerts.list(filter, sorting.field(), sorting.descending(), paging.offset(), paging.limit()),
        alerts.count(filter),
        AlertJson::of);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return AlertJson.of(alerts.find(id));
  }

  /** Seen and dealt with; the same alert raised again later comes back as a new one. */
  @POST
  @Path("{id}/dismiss")
  public JsonObject dismiss(@PathParam("id") long id) {
    return AlertJson.of(alerts.dismiss(id));
  }

  private static AlertLevel level(String level) {
    if (level == null || level.isBlank()) {
      return null;
    }
    try {
      return AlertLevel.valueOf(level);
    } catch (IllegalArgumentException unknown) {
      throw InvalidInput.of(
          "level",
          "'"
              + level
              + "' is not one of "
              + Arrays.stream(AlertLevel.values())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }
}
