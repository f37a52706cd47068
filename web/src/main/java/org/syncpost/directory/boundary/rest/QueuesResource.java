package org.syncpost.directory.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.api.control.Sorting;
import org.syncpost.api.control.Versions;
import org.syncpost.directory.boundary.Queues;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.DirectorySort;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.Removal;
import org.syncpost.settings.entity.IncomingFilter;

/** {@code /api/v1/queues}: shared addresses processed for a team; each has a mailbox. */
@Path("queues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class QueuesResource {

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "version",
          "createdOn",
          "modifiedOn",
          "modifiedBy",
          "name",
          "email",
          "ownerId",
          "incomingFilter",
          "active",
          "mailboxId");

  @Inject Queues queues;
  @Context UriInfo uriInfo;

  /**
   * One page of the queues whose name or address contains {@code q} if given, sorted by {@code
   * sort} (by name if not given).
   */
  @GET
  public Response list(
      @QueryParam("q") String q,
      @QueryParam("sort") String sort,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    Sorting<DirectorySort> sorting = Sorting.of(sort, DirectorySort.NAME);
    DirectoryFilter filter =
        new DirectoryFilter(q, null, null, sorting.field(), sorting.descending());
    return JsonOutput.page(
        queues.search(filter, paging.offset(), paging.limit()),
        queues.countMatching(filter),
        this::json);
  }

  /** The queue, with its version as {@code ETag} for a later {@code If-Match}. */
  @GET
  @Path("{id}")
  public Response get(@PathParam("id") long id) {
    Queue queue = queues.find(id);
    return Versions.withTag(queue, json(queue));
  }

  @POST
  public Response create(JsonObject body) {
    Queue created = queues.create(details(new JsonInput(body, FIELDS)));
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(json(created))
        .build();
  }

  /**
   * JSON merge patch (RFC 7396): only the fields in the body change; with {@code If-Match}, only if
   * nobody changed the queue since that version (else 412).
   */
  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject patch) {
    new JsonInput(patch, FIELDS).requireReadable();
    JsonObject merged = JSON.createMergePatch(patch).apply(json(queues.find(id))).asJsonObject();
    Queue stored =
        queues.update(id, details(new JsonInput(merged, FIELDS)), Versions.expected(ifMatch));
    return Versions.withTag(stored, json(stored));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    if (queues.delete(id) == Removal.DEACTIVATED) {
      // kept for the email records of its mailbox: answered as it now is, "active": false
      return Response.ok(json(queues.find(id))).build();
    }
    return Response.noContent().build();
  }

  private static QueueDetails details(JsonInput in) {
    // absent or null: the queue follows the organisation's incoming filter
    QueueDetails details =
        new QueueDetails(
            in.string("name"),
            in.string("email"),
            in.id("ownerId"),
            in.enumValue("incomingFilter", IncomingFilter.class));
    in.requireReadable();
    return details;
  }

  private JsonObject json(Queue queue) {
    return new JsonOutput()
        .tracked(queue)
        .add("name", queue.getName())
        .add("email", queue.getEmail())
        .add("ownerId", queue.getOwner() == null ? null : queue.getOwner().getId())
        .add("incomingFilter", queue.getIncomingFilter())
        .add("active", queue.isActive())
        .add("mailboxId", queues.mailboxIdOf(queue).orElse(null))
        .build();
  }
}
