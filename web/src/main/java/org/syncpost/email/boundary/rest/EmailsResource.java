package org.syncpost.email.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.syncpost.api.control.IdempotentCalls;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.api.control.Sorting;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.DownloadName;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailSort;
import org.syncpost.idempotency.boundary.IdempotentRequests;
import org.syncpost.idempotency.entity.Answer;
import org.syncpost.outgoing.boundary.Outbox;
import org.syncpost.outgoing.entity.OutgoingEmail;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.Violation;

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
  @Inject IdempotentRequests idempotentRequests;
  @Context UriInfo uriInfo;

  /** The operation idempotency keys of {@code POST /emails} belong to. */
  static final String SEND_OPERATION = "rest:POST /emails";

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * Creates an outgoing email, {@code PENDING_SEND} (sent at {@code sendAt}, or as soon as
   * possible) or a {@code DRAFT} when {@code draft} is true. With an {@code Idempotency-Key}, the
   * same key and body within 24 hours answer the first answer again (with {@code
   * Idempotent-Replayed: true}) and create nothing; the same key with another body is 422.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response send(JsonObject body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    String key = IdempotentCalls.key(IDEMPOTENCY_KEY, idempotencyKey);
    OutgoingEmail request = outgoingEmail(body);
    if (key == null) {
      return created(outbox.create(request));
    }
    Answer[] fresh = new Answer[1];
    Answer answer =
        IdempotentCalls.once(
            idempotentRequests,
            SEND_OPERATION,
            IDEMPOTENCY_KEY,
            key,
            IdempotentCalls.fingerprint(body.toString()),
            () -> fresh[0] = answerOf(outbox.create(request)));
    Response.ResponseBuilder response =
        Response.status(answer.status())
            .location(URI.create(answer.location()))
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(answer.body());
    if (answer != fresh[0]) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.build();
  }

  static final String BATCH_OPERATION = "rest:POST /emails/batch";

  /**
   * Creates up to 1,000 outgoing emails in one transaction, all or none: {@code {"emails": [...]}},
   * each element as {@code POST /emails} takes it. Any invalid field (named {@code
   * emails[i].field}) refuses the whole batch with 400; otherwise 201 with {@code {"emails":
   * [{"id", "location", "status"}]}} in the order sent. {@code Idempotency-Key} works as on {@code
   * POST /emails}.
   */
  @POST
  @Path("batch")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response sendBatch(JsonObject body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    String key = IdempotentCalls.key(IDEMPOTENCY_KEY, idempotencyKey);
    List<OutgoingEmail> requests = outgoingEmails(body);
    if (key == null) {
      return Response.status(Response.Status.CREATED)
          .entity(batchAnswer(outbox.createAll(requests)))
          .build();
    }
    Answer[] fresh = new Answer[1];
    Answer answer =
        IdempotentCalls.once(
            idempotentRequests,
            BATCH_OPERATION,
            IDEMPOTENCY_KEY,
            key,
            IdempotentCalls.fingerprint(body.toString()),
            () ->
                fresh[0] =
                    new Answer(
                        Response.Status.CREATED.getStatusCode(),
                        null,
                        null,
                        batchAnswer(outbox.createAll(requests)).toString()));
    Response.ResponseBuilder response =
        Response.status(answer.status())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(answer.body());
    if (answer != fresh[0]) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.build();
  }

  /** Every element read; all violations of all elements in one 400, named {@code emails[i]…}. */
  private static List<OutgoingEmail> outgoingEmails(JsonObject body) {
    new JsonInput(body, Set.of("emails")).requireReadable();
    if (!(body.get("emails") instanceof JsonArray array)) {
      throw InvalidInput.of("emails", "is required: an array of 1 to 1,000 emails");
    }
    if (array.isEmpty() || array.size() > Outbox.MAX_BATCH) {
      throw InvalidInput.of(
          "emails",
          "holds "
              + array.size()
              + " emails; a batch holds 1 to "
              + Outbox.MAX_BATCH
              + " (send more in several batches)");
    }
    List<OutgoingEmail> requests = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String prefix = "emails[" + i + "].";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        violations.add(new Violation("emails[" + i + "]", "must be an email object"));
        continue;
      }
      try {
        requests.add(outgoingEmail(array.getJsonObject(i)));
      } catch (InvalidInput invalid) {
        invalid.violations().stream()
            .map(v -> new Violation(prefix + v.field(), v.message()))
            .forEach(violations::add);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return requests;
  }

  private JsonObject batchAnswer(List<EmailRecord> created) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    UriBuilder emails = uriInfo.getBaseUriBuilder().path(EmailsResource.class);
    for (EmailRecord record : created) {
      items.add(
          JSON.createObjectBuilder()
              .add("id", record.getId())
              .add(
                  "location",
                  emails.clone().path(String.valueOf(record.getId())).build().toString())
              .add("status", record.getStatus().name()));
    }
    return JSON.createObjectBuilder().add("emails", items).build();
  }

  /** The request as the outbox reads it; unreadable fields are 400 before anything is stored. */
  private static OutgoingEmail outgoingEmail(JsonObject body) {
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
    return request;
  }

  private URI locationOf(EmailRecord created) {
    return uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build();
  }

  private Response created(EmailRecord created) {
    return Response.created(locationOf(created)).entity(EmailJson.of(created)).build();
  }

  private Answer answerOf(EmailRecord created) {
    return new Answer(
        Response.Status.CREATED.getStatusCode(),
        locationOf(created).toString(),
        created.getId(),
        EmailJson.of(created).toString());
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
      @QueryParam("q") String q,
      @QueryParam("sort") String sort,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    EmailFilter filter =
        new EmailFilter(
            mailboxId,
            EmailListQuery.direction(direction),
            EmailListQuery.status(status),
            EmailListQuery.instant("since", since),
            EmailListQuery.instant("until", until),
            conversationId,
            subject,
            sender,
            q);
    Sorting<EmailSort> sorting = EmailListQuery.sorting(sort);
    List<EmailRecord> page =
        sorting == null
            ? emails.list(filter, paging.offset(), paging.limit())
            : emails.list(
                filter, sorting.field(), sorting.descending(), paging.offset(), paging.limit());
    return JsonOutput.page(page, emails.count(filter), EmailJson::of);
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
}
