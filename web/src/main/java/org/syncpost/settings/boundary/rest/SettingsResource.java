package org.syncpost.settings.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Versions;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.EmailSettings;
import org.syncpost.settings.entity.IncomingFilter;
import org.syncpost.settings.entity.OrganisationSettings;

/** {@code /api/v1/settings}: the organisation's email settings (one record). */
@Path("settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class SettingsResource {

  private static final Set<String> FIELDS =
      Set.of(
          "version",
          "modifiedOn",
          "modifiedBy",
          "defaultProfileId",
          "incomingDeliveryMethod",
          "outgoingDeliveryMethod",
          "appointmentsDeliveryMethod",
          "requireApprovalForUserEmail",
          "requireApprovalForQueueEmail",
          "allowCredentialsEntryOverHttp",
          "allowNonSslEmail",
          "correlationEnabled",
          "trackingTokenPrefix",
          "maxAttachmentSizeKb",
          "maxIncomingMessageSizeMb",
          "transientRetryCount",
          "transientRetryIntervalMinutes",
          "disabledRetestMinutes",
          "raiseInformationAlerts",
          "raiseWarningAlerts",
          "raiseErrorAlerts",
          "incomingFilter");

  @Inject Settings settings;

  /** The settings, with their version as {@code ETag} for a later {@code If-Match}. */
  @GET
  public Response get() {
    OrganisationSettings current = settings.current();
    return Versions.withTag(current, json(current));
  }

  /**
   * JSON merge patch (RFC 7396): only the fields in the body change; with {@code If-Match}, only if
   * nobody changed the settings since that version (else 412).
   */
  @PATCH
  public Response patch(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonObject patch) {
    new JsonInput(patch, FIELDS).requireReadable();
    JsonObject merged = JSON.createMergePatch(patch).apply(json(settings.current())).asJsonObject();
    OrganisationSettings stored =
        settings.change(read(new JsonInput(merged, FIELDS)), Versions.expected(ifMatch));
    return Versions.withTag(stored, json(stored));
  }

  private static EmailSettings read(JsonInput in) {
    EmailSettings read =
        new EmailSettings(
            in.id("defaultProfileId"),
            in.enumValue("incomingDeliveryMethod", DeliveryMethod.class),
            in.enumValue("outgoingDeliveryMethod", DeliveryMethod.class),
            in.enumValue("appointmentsDeliveryMethod", DeliveryMethod.class),
            in.bool("requireApprovalForUserEmail"),
            in.bool("requireApprovalForQueueEmail"),
            in.bool("allowCredentialsEntryOverHttp"),
            in.bool("allowNonSslEmail"),
            in.bool("correlationEnabled"),
            in.string("trackingTokenPrefix"),
            in.integer("maxAttachmentSizeKb"),
            in.integer("maxIncomingMessageSizeMb"),
            in.integer("transientRetryCount"),
            in.integer("transientRetryIntervalMinutes"),
            in.integer("disabledRetestMinutes"),
            in.bool("raiseInformationAlerts"),
            in.bool("raiseWarningAlerts"),
            in.bool("raiseErrorAlerts"),
            in.enumValue("incomingFilter", IncomingFilter.class));
    in.requireReadable();
    return read;
  }

  private static JsonObject json(OrganisationSettings organisation) {
    EmailSettings s = organisation.asEmailSettings();
    return new JsonOutput()
        .add("version", organisation.getVersion())
        .add("modifiedOn", organisation.getModifiedOn())
        .add("modifiedBy", organisation.getModifiedBy())
        .add("defaultProfileId", s.defaultProfileId())
        .add("incomingDeliveryMethod", s.incomingDeliveryMethod())
        .add("outgoingDeliveryMethod", s.outgoingDeliveryMethod())
        .add("appointmentsDeliveryMethod", s.appointmentsDeliveryMethod())
        .add("requireApprovalForUserEmail", s.requireApprovalForUserEmail())
        .add("requireApprovalForQueueEmail", s.requireApprovalForQueueEmail())
        .add("allowCredentialsEntryOverHttp", s.allowCredentialsEntryOverHttp())
        .add("allowNonSslEmail", s.allowNonSslEmail())
        .add("correlationEnabled", s.correlationEnabled())
        .add("trackingTokenPrefix", s.trackingTokenPrefix())
        .add("maxAttachmentSizeKb", s.maxAttachmentSizeKb())
        .add("maxIncomingMessageSizeMb", s.maxIncomingMessageSizeMb())
        .add("transientRetryCount", s.transientRetryCount())
        .add("transientRetryIntervalMinutes", s.transientRetryIntervalMinutes())
        .add("disabledRetestMinutes", s.disabledRetestMinutes())
        .add("raiseInformationAlerts", s.raiseInformationAlerts())
        .add("raiseWarningAlerts", s.raiseWarningAlerts())
        .add("raiseErrorAlerts", s.raiseErrorAlerts())
        .add("incomingFilter", s.incomingFilter())
        .build();
  }
}
