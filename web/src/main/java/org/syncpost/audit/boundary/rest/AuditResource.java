package org.syncpost.audit.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.audit.boundary.AuditTrail;
import org.syncpost.audit.entity.AuditEntry;

/** {@code /api/v1/audit}: who changed which profile, mailbox or setting, newest first. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject AuditTrail trail;

  @GET
  public Response list(
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") Long objectId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    return JsonOutput.page(
        trail.entries(objectType, objectId, paging.offset(), paging.limit()),
        trail.count(objectType, objectId),
        AuditResource::json);
  }

  private static jakarta.json.JsonObject json(AuditEntry entry) {
    return new JsonOutput()
        .add("id", entry.getId())
        .add("occurredOn", entry.getOccurredOn())
        .add("actor", entry.getActor())
        .add("action", entry.getAction())
        .add("objectType", entry.getObjectType())
        .add("objectId", entry.getObjectId())
        .add("summary", entry.getSummary())
        .build();
  }
}
