package org.syncpost.email.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.DownloadName;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.outgoing.boundary.Outbox;
import org.syncpost.outgoing.entity.OutgoingEmail;
import org.syncpost.validation.entity.InvalidInput;

/** {@code /api/v1/emails}: email records, incoming and outgoing. */
@Path("emails")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmailsResource {

  static final Set<String> SEND_FIELDS =
      Set.of(
          "senderMailboxId",
          "autoSubmitted",
          "to",
          "cc",
          "bcc",
          "subject",
          "textBody",
          "htmlBody",
          "attachments",
          "sendAt",
          "draft");

  @Inject Emails emails;
  @Inject Outbox outbox;
  @Context UriInfo uriInfo;

  /**
   * Creates an outgoing email, {@code PENDING_SEND} (sent at {@code sendAt}, or as soon as
   * possible) or a {@code DRAFT} when {@code draft} is true.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response send(JsonObject body) {
    JsonInput input = new JsonInput(body, SEND_FIELDS);
    OutgoingEmail request =
        new OutgoingEmail(
            input.id("senderMailboxId"),
            input.strings("to"),
            input.strings("cc"),
            input.strings("bcc"),
            input.string("subject"),
            input.string("textBody"),
            input.string("htmlBody"),
            attachments(body, input),
            input.instant("sendAt"),
            Boolean.TRUE.equals(input.bool("draft")),
            Boolean.TRUE.equals(input.bool("autoSubmitted")));
    input.requireReadable();
    EmailRecord created = outbox.create(request);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(EmailJson.of(created))
        .build();
  }

  /** A draft is handed over for sending. */
  @POST
  @Path("{id}/send")
  public JsonObject sendDraft(@PathParam("id") long id) {
    return EmailJson.of(outbox.send(id));
  }

  /** A pending email is sent at the next tick, without waiting for its send-at time or backoff. */
  @POST
  @Path("{id}/send-now")
  public JsonObject sendNow(@PathParam("id") long id) {
    return EmailJson.of(outbox.sendNow(id));
  }

  @POST
  @Path("{id}/cancel")
  public JsonObject cancel(@PathParam("id") long id) {
    return EmailJson.of(outbox.cancel(id));
  }

  /** {@code [{"name", "contentType", "content": base64}]}; a bad element is one violation. */
  private static List<AttachmentData> attachments(JsonObject body, JsonInput input) {
    if (!input.has("attachments")) {
      return List.of();
    }
    if (body.get("attachments").getValueType() != JsonValue.ValueType.ARRAY) {
      input.reject("attachments", "must be an array of {name, contentType, content}");
      return List.of();
    }
    JsonArray array = body.getJsonArray("attachments");
    List<AttachmentData> attachments = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "attachments[" + i + "]";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        input.reject(field, "must be an object {name, contentType, content}");
        continue;
      }
      JsonObject element = array.getJsonObject(i);
      String name = text(element, "name");
      String contentType = text(element, "contentType");
      String content = text(element, "content");
      if (content == null) {
        input.reject(field + ".content", "is required: the file's bytes in base64");
        continue;
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(content.replaceAll("\\s", ""));
      } catch (IllegalArgumentException notBase64) {
        input.reject(field + ".content", "is not valid base64: " + notBase64.getMessage());
        continue;
      }
      attachments.add(
          new AttachmentData(name, contentType, null, false, bytes.length, bytes, null));
    }
    return attachments;
  }

  private static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString string ? string.getString() : null;
  }

  @GET
  public Response list(
      @QueryParam("mailboxId") Long mailboxId,
      @QueryParam("direction") String direction,
      @QueryParam("status") String status,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("conversationId") Long conversationId,
      @QueryParam("subject") String subject,
      @QueryParam("sender") String sender,
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
            conversationId,
            subject,
            sender);
    return JsonOutput.page(
        emails.list(filter, paging.offset(), paging.limit()), emails.count(filter), EmailJson::of);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return EmailJson.of(emails.find(id));
  }

  /**
   * The content of the {@code n}-th attachment (from 0), with its file name and type, streamed from
   * the database as it is sent.
   */
  @GET
  @Path("{id}/attachments/{n}")
  @Produces(MediaType.WILDCARD)
  public Response attachment(@PathParam("id") long id, @PathParam("n") int n) {
    Attachment attachment = emails.attachment(id, n);
    if (attachment.isOmitted()) {
      throw InvalidInput.of(
          "n", "this attachment was kept out of the record: " + attachment.getOmittedReason());
    }
    DownloadName fileName = DownloadName.of(attachment.getFileName(), "attachment-" + n);
    StreamingOutput content = out -> emails.copyAttachmentContent(id, n, out);
    return Response.ok(content, servableType(attachment.getContentType()))
        .header("Content-Disposition", fileName.contentDisposition())
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * The stored type, or {@code application/octet-stream} when it is not one (records stored before
   * the parser checked types hold some cut short with "…").
   */
  private static MediaType servableType(String contentType) {
    try {
      return MediaType.valueOf(contentType);
    } catch (IllegalArgumentException notAType) {
      return MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }
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
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidInput.of(name, "must be a date-time with offset, e.g. 2026-01-31T08:00:00Z");
    }
    if (instant.isBefore(JsonInput.EARLIEST) || instant.isAfter(JsonInput.LATEST)) {
      throw InvalidInput.of(
          name, "must be between " + JsonInput.EARLIEST + " and " + JsonInput.LATEST);
    }
    return instant;
  }
}
