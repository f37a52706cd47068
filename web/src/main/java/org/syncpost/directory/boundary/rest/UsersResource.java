package org.syncpost.directory.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.syncpost.access.entity.Role;
import org.syncpost.api.control.CredentialsChannel;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.api.control.Sorting;
import org.syncpost.api.control.Versions;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.DirectorySort;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.settings.entity.IncomingFilter;

/** {@code /api/v1/users}: the people who sign in; each has a mailbox. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class UsersResource {

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "version",
          "createdOn",
          "modifiedOn",
          "modifiedBy",
          "name",
          "email",
          "roles",
          "incomingFilter",
          "password",
          "passwordSet",
          "active",
          "mailboxId");

  @Inject Users users;
  @Inject CredentialsChannel channel;
  @Context UriInfo uriInfo;

  /**
   * One page of the users whose name or address contains {@code q} if given, sorted by {@code sort}
   * (by name if not given).
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
        users.search(filter, paging.offset(), paging.limit()),
        users.countMatching(filter),
        this::json);
  }

  /** The user, with its version as {@code ETag} for a later {@code If-Match}. */
  @GET
  @Path("{id}")
  public Response get(@PathParam("id") long id) {
    User user = users.find(id);
    return Versions.withTag(user, json(user));
  }

  @POST
  public Response create(JsonObject body) {
    JsonInput input = new JsonInput(body, FIELDS);
    channel.requireSecureFor(input, "password");
    UserDetails details = details(input);
    String password = input.string("password");
    input.requireReadable();
    User created = users.create(details, password);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(json(created))
        .build();
  }

  /**
   * JSON merge patch (RFC 7396): only the fields in the body change; with {@code If-Match}, only if
   * nobody changed the user since that version (else 412).
   */
  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject patch) {
    JsonInput patchInput = new JsonInput(patch, FIELDS);
    channel.requireSecureFor(patchInput, "password");
    String newPassword = patchInput.string("password");
    patchInput.requireReadable();
    JsonInput merged =
        new JsonInput(
            JSON.createMergePatch(patch).apply(json(users.find(id))).asJsonObject(), FIELDS);
    UserDetails details = details(merged);
    merged.requireReadable();
    User stored = users.update(id, details, newPassword, Versions.expected(ifMatch));
    return Versions.withTag(stored, json(stored));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    if (users.delete(id) == Removal.DEACTIVATED) {
      // kept for the email records of its mailbox: answered as it now is, "active": false
      return Response.ok(json(users.find(id))).build();
    }
    return Response.noContent().build();
  }

  private static UserDetails details(JsonInput in) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> names = Optional.ofNullable(in.strings("roles")).orElse(List.of());
    for (String name : names) {
      Role.fromExternalName(name)
          .ifPresentOrElse(
              roles::add,
              () ->
                  in.reject(
                      "roles",
                      "'" + name + "' is not one of administrator, approver, mailbox-owner"));
    }
    // absent or null: the user follows the organisation's incoming filter
    return new UserDetails(
        in.string("name"),
        in.string("email"),
        roles,
        in.enumValue("incomingFilter", IncomingFilter.class));
  }

  private JsonObject json(User user) {
    JsonArrayBuilder roles = JSON.createArrayBuilder();
    user.getRoles().stream().map(Role::externalName).sorted().forEach(roles::add);
    return new JsonOutput()
        .tracked(user)
        .add("name", user.getName())
        .add("email", user.getEmail())
        .add("roles", roles.build())
        .add("incomingFilter", user.getIncomingFilter())
        .add("passwordSet", user.isPasswordSet())
        .add("active", user.isActive())
        .add("mailboxId", users.mailboxIdOf(user).orElse(null))
        .build();
  }
}
