package org.syncpost.incoming.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.incoming.boundary.Incoming;
import org.syncpost.incoming.entity.SyncOutcome;

/**
 * {@code POST /api/v1/mailboxes/{id}/sync}: runs an incoming synchronization cycle of the mailbox
 * now and answers with its outcome.
 */
@Path("mailboxes/{id}/sync")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

  @Inject Incoming incoming;

  @POST
  public JsonObject syncNow(@PathParam("id") long id) {
    return of(incoming.syncNow(id));
  }

  static JsonObject of(SyncOutcome outcome) {
    return new JsonOutput()
        .add("mailboxId", outcome.mailboxId())
        .add("status", outcome.status())
        .add("recorded", outcome.recorded())
        .add("quarantined", outcome.quarantined())
        .add("moreWaiting", outcome.moreWaiting())
        .add("errorCode", outcome.errorCode())
        .add("errorText", outcome.errorText())
        .build();
  }
}
