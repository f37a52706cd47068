package org.syncpost.incoming.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.incoming.boundary.KnownCorrespondents;
import org.syncpost.incoming.entity.CorrespondentsImported;
import org.syncpost.incoming.entity.KnownCorrespondent;

/**
 * {@code /api/v1/known-correspondents}: addresses imported from elsewhere (e.g. a CRM) whose mail
 * the incoming filter {@code KNOWN_CORRESPONDENTS} takes. {@code POST {"addresses": [...],
 * "source": "CRM"}} adds a list and answers what was new; {@code GET} lists them in address order
 * ({@code search}: part of the address); {@code DELETE /{id}} removes one.
 */
@Path("known-correspondents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KnownCorrespondentsResource {

  static final Set<String> IMPORT_FIELDS = Set.of("addresses", "source");

  @Inject KnownCorrespondents correspondents;

  @GET
  public Response list(
      @QueryParam("search") String search,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    return JsonOutput.page(
        correspondents.list(search, paging.offset(), paging.limit()),
        correspondents.count(search),
        KnownCorrespondentsResource::of);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject add(JsonObject body) {
    JsonInput input = new JsonInput(body, IMPORT_FIELDS);
    var addresses = input.strings("addresses");
    String source = input.string("source");
    input.requireReadable();
    CorrespondentsImported imported = correspondents.add(addresses, source);
    return new JsonOutput()
        .add("added", imported.added())
        .add("alreadyKnown", imported.alreadyKnown())
        .build();
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return of(correspondents.find(id));
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") long id) {
    correspondents.remove(id);
    return Response.noContent().build();
  }

  static JsonObject of(KnownCorrespondent k) {
    return new JsonOutput()
        .tracked(k)
        .add("address", k.getAddress())
        .add("source", k.getSource())
        .build();
  }
}
