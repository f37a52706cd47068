package org.syncpost.mailbox.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Set;
import org.syncpost.api.control.CredentialsChannel;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.api.control.Sorting;
import org.syncpost.api.control.Versions;
import org.syncpost.job.boundary.rest.JobJson;
import org.syncpost.mailbox.boundary.MailboxConnections;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.boundary.http.OAuthCallbackServlet;
import org.syncpost.mailbox.entity.DelegatedStatus;
import org.syncpost.mailbox.entity.DeliveryChange;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.MailboxFilter;
import org.syncpost.mailbox.entity.MailboxSort;
import org.syncpost.settings.entity.DeliveryMethod;

/**
 * {@code /api/v1/mailboxes}: one per user and queue, created with them. Mailbox owners see only
 * their own.
 */
@Path("mailboxes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class MailboxesResource {

  private static final Set<String> BULK_EDIT_FIELDS =
      Set.of(
          "mailboxIds",
          "profileId",
          "incomingDeliveryMethod",
          "outgoingDeliveryMethod",
          "appointmentsDeliveryMethod");

  @Inject Mailboxes mailboxes;
  @Inject CredentialsChannel channel;
  @Inject MailboxTests tests;
  @Inject MailboxConnections connections;
  @Context UriInfo uriInfo;

  /**
   * One page of the mailboxes the caller may see: of {@code profileId} if given, whose name,
   * address or user name contains {@code q} if given, sorted by {@code sort} (by name if not
   * given).
   */
  @GET
  public Response list(
      @QueryParam("profileId") Long profileId,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    Sorting<MailboxSort> sorting = Sorting.of(sort, MailboxSort.NAME);
    MailboxFilter filter =
        new MailboxFilter(
            q, null, null, null, null, null, null, sorting.field(), sorting.descending());
    return JsonOutput.page(
        mailboxes.search(profileId, filter, paging.offset(), paging.limit()),
        mailboxes.countMatching(profileId, filter),
        MailboxJson::of);
  }

  /** The mailbox, with its version as {@code ETag} for a later {@code If-Match}. */
  @GET
  @Path("{id}")
  public Response get(@PathParam("id") long id) {
    Mailbox mailbox = mailboxes.find(id);
    return Versions.withTag(mailbox, MailboxJson.of(mailbox));
  }

  /**
   * JSON merge patch (RFC 7396): only the fields in the body change; with {@code If-Match}, only if
   * nobody changed the mailbox since (else 412).
   */
  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject patch) {
    JsonInput patchInput = new JsonInput(patch, MailboxJson.FIELDS);
    channel.requireSecureFor(patchInput, "password");
    Boolean trace = patchInput.bool("protocolTrace");
    patchInput.requireReadable();
    JsonObject merged =
        JSON.createMergePatch(patch).apply(MailboxJson.of(mailboxes.find(id))).asJsonObject();
    Mailbox updated =
        mailboxes.update(
            id,
            MailboxJson.settings(new JsonInput(merged, MailboxJson.FIELDS)),
            Versions.expected(ifMatch));
    if (trace != null && trace != updated.isProtocolTrace()) {
      // an operational switch for administrators, apart from the settings an owner may change
      updated = mailboxes.traceProtocol(id, trace);
    }
    Mailbox stored = mailboxes.find(id);
    return Versions.withTag(stored, MailboxJson.of(stored));
  }

  /**
   * The mailbox's delegated OAuth 2.0 sign-in (issue 15): connected by whom and when, not
   * connected, or to be connected again — never a token — and the redirect URI to register at the
   * provider. Connecting itself happens in the admin UI, where the person signs in at the provider.
   */
  @GET
  @Path("{id}/oauth")
  public JsonObject delegatedSignIn(@PathParam("id") long id, @Context HttpServletRequest request) {
    DelegatedStatus status = connections.status(id);
    return new JsonOutput()
        .add("state", status.state())
        .add("connectedBy", status.connectedBy())
        .add("connectedOn", status.connectedOn())
        .add("refreshedOn", status.refreshedOn())
        .add("refusedOn", status.refusedOn())
        .add("redirectUri", OAuthCallbackServlet.redirectUriOf(request).toString())
        .build();
  }

  @POST
  @Path("{id}/approve")
  public JsonObject approve(@PathParam("id") long id) {
    return MailboxJson.of(mailboxes.approve(id));
  }

  @POST
  @Path("{id}/reject")
  public JsonObject reject(@PathParam("id") long id) {
    return MailboxJson.of(mailboxes.reject(id));
  }

  /**
   * The guide's "Apply default email settings": the organisation's default profile and delivery
   * methods for every selected mailbox ({@code {"mailboxIds": [..]}}), all or none; then, unless
   * {@code "testAndEnable": false}, test & enable them as a background job ({@code 202}).
   */
  @POST
  @Path("apply-default-settings")
  public Response applyDefaultSettings(JsonObject body) {
    JsonInput in = new JsonInput(body, Set.of("mailboxIds", "testAndEnable"));
    List<Long> ids = in.ids("mailboxIds");
    Boolean testAndEnable = in.bool("testAndEnable");
    in.requireReadable();
    if (Boolean.FALSE.equals(testAndEnable)) {
      return Response.ok(JsonOutput.array(mailboxes.applyDefaultSettings(ids), MailboxJson::of))
          .build();
    }
    return JobJson.accepted(tests.applyDefaultSettingsAndTest(ids), uriInfo);
  }

  /**
   * Test & enable one mailbox now: connect to its servers, record the statuses, enable what passed.
   * {@code {"sendConfirmation": true}} also sends the mailbox a "you are connected" message.
   */
  @POST
  @Path("{id}/test-and-enable")
  public JsonObject testAndEnable(@PathParam("id") long id, JsonObject body) {
    JsonInput in =
        new JsonInput(
            body == null ? JsonObject.EMPTY_JSON_OBJECT : body, Set.of("sendConfirmation"));
    Boolean sendConfirmation = in.bool("sendConfirmation");
    in.requireReadable();
    return MailboxJson.of(tests.testAndEnable(id, Boolean.TRUE.equals(sendConfirmation)));
  }

  /** Test & enable several mailboxes ({@code {"mailboxIds": [..]}}) as a background job. */
  @POST
  @Path("test-and-enable")
  public Response testAndEnableSeveral(JsonObject body) {
    JsonInput in = new JsonInput(body, Set.of("mailboxIds"));
    List<Long> ids = in.ids("mailboxIds");
    in.requireReadable();
    return JobJson.accepted(tests.testAndEnable(ids), uriInfo);
  }

  /**
   * The guide's "Edit" of several mailboxes: one profile and the delivery methods for all selected
   * mailboxes, applied to all of them or (on any error) to none.
   */
  @POST
  @Path("bulk-edit")
  public JsonArray bulkEdit(JsonObject body) {
    JsonInput in = new JsonInput(body, BULK_EDIT_FIELDS);
    DeliveryMethod appointments = in.enumValue("appointmentsDeliveryMethod", DeliveryMethod.class);
    DeliveryChange change =
        new DeliveryChange(
            in.ids("mailboxIds"),
            in.id("profileId"),
            in.enumValue("incomingDeliveryMethod", DeliveryMethod.class),
            in.enumValue("outgoingDeliveryMethod", DeliveryMethod.class),
            appointments == null ? DeliveryMethod.NONE : appointments);
    in.requireReadable();
    return JsonOutput.array(mailboxes.changeDelivery(change), MailboxJson::of);
  }
}
