package org.syncpost.api.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.syncpost.validation.entity.Violation;

/** RFC 9457 problem details, the one error format of the API. */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://syncpost.org/problems/";

  private Problem() {}

  public static Response of(Response.StatusType status, String type, String title, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(body(status, type, title, detail).build())
        .build();
  }

  public static Response invalid(List<Violation> violations) {
    JsonArrayBuilder errors = JSON.createArrayBuilder();
    violations.forEach(
        v ->
            errors.add(
                JSON.createObjectBuilder().add("field", v.field()).add("message", v.message())));
    JsonObjectBuilder body =
        body(
                Response.Status.BAD_REQUEST,
                "invalid-input",
                "The request has invalid fields",
                "Nothing was stored. Correct the fields listed in 'errors' and send the request again.")
            .add("errors", errors);
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MEDIA_TYPE)
        .entity(body.build())
        .build();
  }

  private static JsonObjectBuilder body(
      Response.StatusType status, String type, String title, String detail) {
    return JSON.createObjectBuilder()
        .add("type", TYPE_BASE + type)
        .add("title", title)
        .add("status", status.getStatusCode())
        .add("detail", detail);
  }
}
