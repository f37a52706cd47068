package org.syncpost.email.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.validation.entity.InvalidInput;

/** {@code /api/v1/emails}: email records, incoming and outgoing. */
@Path("emails")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmailsResource {

  @Inject Emails emails;

  @GET
  public Response list(
      @QueryParam("mailboxId") Long mailboxId,
      @QueryParam("direction") String direction,
      @QueryParam("status") String status,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("conversationId") Long conversationId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    EmailFilter filter =
        new EmailFilter(
            mailboxId,
            enumValue("direction", direction, Direction.class),
            enumValue("status", status, EmailStatus.class),
            instant("since", since),
            instant("until", until),
            conversationId);
    return JsonOutput.page(
        emails.list(filter, paging.offset(), paging.limit()), emails.count(filter), EmailJson::of);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return EmailJson.of(emails.find(id));
  }

  /** The content of the {@code n}-th attachment (from 0), with its file name and type. */
  @GET
  @Path("{id}/attachments/{n}")
  @Produces(MediaType.WILDCARD)
  public Response attachment(@PathParam("id") long id, @PathParam("n") int n) {
    Attachment attachment = emails.attachment(id, n);
    if (attachment.isOmitted()) {
      throw InvalidInput.of(
          "n", "this attachment was kept out of the record: " + attachment.getOmittedReason());
    }
    String fileName =
        attachment.getFileName() == null ? "attachment-" + n : attachment.getFileName();
    return Response.ok(attachment.getContent(), attachment.getContentType())
        .header(
            "Content-Disposition",
            "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      throw InvalidInput.of(
          name,
          "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidInput.of(name, "must be a date-time with offset, e.g. 2026-01-31T08:00:00Z");
    }
  }
}
