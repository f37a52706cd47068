package org.syncpost.incoming.boundary.rest;

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
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.incoming.boundary.Quarantine;
import org.syncpost.incoming.entity.QuarantinedMessage;

/**
 * {@code /api/v1/quarantine}: received messages that could not become records, with the reason;
 * {@code POST /{id}/retry} parses one again. The raw message is not part of the listing.
 */
@Path("quarantine")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

  @Inject Quarantine quarantine;

  @GET
  public Response list(
      @QueryParam("mailboxId") Long mailboxId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    return JsonOutput.page(
        quarantine.list(mailboxId, paging.offset(), paging.limit()),
        quarantine.count(mailboxId),
        QuarantineResource::of);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return of(quarantine.find(id));
  }

  @POST
  @Path("{id}/retry")
  public JsonObject retry(@PathParam("id") long id) {
    return of(quarantine.retry(id));
  }

  static JsonObject of(QuarantinedMessage q) {
    return new JsonOutput()
        .tracked(q)
        .add("mailboxId", q.getMailboxId())
        .add("folder", q.getFolder())
        .add("uidValidity", q.getUidValidity())
        .add("uid", q.getUid())
        .add("uidl", q.getUidl())
        .add("size", q.getSize())
        .add("reason", q.getReason())
        .add("state", q.getState())
        .add("retries", q.getRetries())
        .add("emailId", q.getEmailId())
        .build();
  }
}
