package org.syncpost.profile.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.syncpost.api.control.CredentialsChannel;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.api.control.Versions;
import org.syncpost.job.boundary.rest.JobJson;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailserver.control.AccessTokens;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.control.ProviderPresets;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ProviderPreset;
import org.syncpost.validation.entity.InvalidInput;

/** {@code /api/v1/profiles}: email server profiles. */
@Path("profiles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class ProfilesResource {

  @Inject Profiles profiles;
  @Inject CredentialsChannel channel;
  @Inject MailboxTests tests;
  @Inject AccessTokens accessTokens;
  @Inject ProviderPresets presets;
  @Context UriInfo uriInfo;

  @GET
  public Response list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    return JsonOutput.page(
        profiles.list(paging.offset(), paging.limit()), profiles.count(), ProfileJson::of);
  }

  /** The profile, with its version as {@code ETag} for a later {@code If-Match}. */
  @GET
  @Path("{id}")
  public Response get(@PathParam("id") long id) {
    EmailServerProfile profile = profiles.find(id);
    return Versions.withTag(profile, ProfileJson.of(profile));
  }

  /**
   * A new profile; with {@code "preset": "GOOGLE"} (see {@code GET /profile-presets}) the
   * provider's servers, sign-in and OAuth endpoints fill what the body leaves out.
   */
  @POST
  public Response create(JsonObject body) {
    ProviderPreset preset = body.containsKey("preset") ? presetNamedIn(body) : null;
    JsonInput input =
        ProfileJson.input(preset == null ? body : ProfileJson.withPreset(body, preset));
    channel.requireSecureFor(input, ProfileJson.PASSWORD_FIELDS);
    EmailServerProfile created =
        preset == null
            ? profiles.create(ProfileJson.settings(input))
            : profiles.create(ProfileJson.settings(input), preset);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(ProfileJson.of(created))
        .build();
  }

  /**
   * JSON merge patch (RFC 7396): only the fields in the body change; with {@code If-Match}, only if
   * nobody changed the profile since (else 412).
   */
  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject patch) {
    JsonInput patchInput = ProfileJson.input(patch);
    channel.requireSecureFor(patchInput, ProfileJson.PASSWORD_FIELDS);
    JsonObject merged =
        JSON.createMergePatch(patch).apply(ProfileJson.of(profiles.find(id))).asJsonObject();
    profiles.update(
        id, ProfileJson.settings(ProfileJson.input(merged)), Versions.expected(ifMatch));
    EmailServerProfile stored = profiles.find(id);
    return Versions.withTag(stored, ProfileJson.of(stored));
  }

  private ProviderPreset presetNamedIn(JsonObject body) {
    String id =
        body.get("preset") instanceof JsonString named
            ? named.getString()
            : String.valueOf(body.get("preset"));
    return presets
        .find(id)
        .orElseThrow(
            () ->
                InvalidInput.of(
                    "preset",
                    "'"
                        + id
                        + "' is not one of "
                        + presets.all().stream().map(ProviderPreset::id).toList()));
  }

  /** The profile's OAuth 2.0 client: secrets only as "set", and when a token was last got. */
  @GET
  @Path("{id}/oauth")
  public Response oauth(@PathParam("id") long id) {
    EmailServerProfile profile = profiles.find(id);
    return Versions.withTag(profile, oauthJson(profile));
  }

  /**
   * Sets the profile's OAuth 2.0 client (app-only sign-in, issue 15). Secrets are write-only: a
   * left-out {@code clientSecret} or {@code privateKey} keeps the stored one.
   */
  @PUT
  @Path("{id}/oauth")
  public Response configureOAuth(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body) {
    JsonInput input = OAuthClientJson.input(body);
    channel.requireSecureFor(input, OAuthClientJson.SECRET_FIELDS);
    profiles.configureOAuth(id, OAuthClientJson.settings(input), Versions.expected(ifMatch));
    EmailServerProfile stored = profiles.find(id);
    return Versions.withTag(stored, oauthJson(stored));
  }

  private JsonObject oauthJson(EmailServerProfile profile) {
    return OAuthClientJson.of(
        profile.getOAuth(),
        profile.getOAuth().client().flatMap(accessTokens::lastIssued).orElse(null));
  }

  /**
   * The guide's "Test & Enable Mailboxes" on a profile: every mailbox of it, as a background job.
   */
  @POST
  @Path("{id}/test-and-enable")
  public Response testAndEnable(@PathParam("id") long id) {
    return JobJson.accepted(tests.testAndEnableProfile(id), uriInfo);
  }

  /**
   * A profile that mailboxes use is refused (409, with their number) unless {@code
   * ?moveMailboxesTo=<profile id>} says where they go.
   */
  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("id") long id,
      @QueryParam("moveMailboxesTo") Long moveMailboxesTo,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    profiles.delete(id, moveMailboxesTo, Versions.expected(ifMatch));
    return Response.noContent().build();
  }
}
