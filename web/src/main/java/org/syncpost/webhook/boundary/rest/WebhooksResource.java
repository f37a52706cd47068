package org.syncpost.webhook.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.webhook.boundary.Webhooks;
import org.syncpost.webhook.entity.SubscriptionStatus;
import org.syncpost.webhook.entity.WebhookDelivery;
import org.syncpost.webhook.entity.WebhookSubscription;

/**
 * {@code /api/v1/webhooks}: subscriptions that POST events to an application's URL, signed (docs
 * /api.md, ADR 0020), and their delivery logs. The secret is written, never read back.
 */
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  static final Set<String> FIELDS = Set.of("url", "secret", "events", "status");

  @Inject Webhooks webhooks;
  @Context UriInfo uriInfo;

  /** {@code {"url", "secret", "events": ["email.sent", …]}}: told of events from now on. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonObject body) {
    JsonInput input = new JsonInput(body, Set.of("url", "secret", "events"));
    String url = input.string("url");
    String secret = input.string("secret");
    List<String> events = input.strings("events");
    input.requireReadable();
    WebhookSubscription created = webhooks.create(url, secret, events);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(json(created))
        .build();
  }

  @GET
  public JsonArray list() {
    return JsonOutput.array(webhooks.list(), WebhooksResource::json);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return json(webhooks.find(id));
  }

  /**
   * Changes the fields given: {@code url}, {@code secret}, {@code events}, and {@code status}:
   * {@code ACTIVE} resumes a paused subscription from its first undelivered event, {@code PAUSED}
   * stops it.
   */
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  public JsonObject patch(@PathParam("id") long id, JsonObject body) {
    JsonInput input = new JsonInput(body, FIELDS);
    String url = input.string("url");
    String secret = input.string("secret");
    List<String> events = input.has("events") ? input.strings("events") : null;
    SubscriptionStatus status = input.enumValue("status", SubscriptionStatus.class);
    input.requireReadable();
    return json(webhooks.update(id, url, secret, events, status));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    webhooks.delete(id);
    return Response.noContent().build();
  }

  /** The delivery log, newest first: each attempt with its event, answer and duration. */
  @GET
  @Path("{id}/deliveries")
  public JsonArray deliveries(
      @PathParam("id") long id,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    return JsonOutput.array(
        webhooks.deliveries(id, paging.offset(), paging.limit()), WebhooksResource::json);
  }

  private static JsonObject json(WebhookSubscription subscription) {
    JsonArrayBuilder events = JSON.createArrayBuilder();
    subscription.getEventTypes().forEach(type -> events.add(type.externalName()));
    return new JsonOutput()
        .add("id", subscription.getId())
        .add("url", subscription.getUrl())
        .add("events", events.build())
        .add("status", subscription.getStatus())
        .add("pausedReason", subscription.getPausedReason())
        .add("consecutiveFailures", subscription.getConsecutiveFailures())
        .add("nextAttemptAt", subscription.getNextAttemptAt())
        .add("cursor", String.valueOf(subscription.getFeedCursor()))
        .add("createdOn", subscription.getCreatedOn())
        .add("createdBy", subscription.getCreatedBy())
        .build();
  }

  private static JsonObject json(WebhookDelivery delivery) {
    return new JsonOutput()
        .add("id", delivery.getId())
        .add("eventId", String.valueOf(delivery.getEventId()))
        .add("eventType", delivery.getEventType())
        .add("attemptedOn", delivery.getAttemptedOn())
        .add("statusCode", delivery.getStatusCode())
        .add("delivered", delivery.isDelivered())
        .add("error", delivery.getError())
        .add("durationMillis", delivery.getDurationMillis())
        .build();
  }
}
