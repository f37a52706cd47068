package org.syncpost.api.boundary.rest;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.syncpost.access.entity.AccessRefused;
import org.syncpost.api.entity.MalformedBody;
import org.syncpost.crypto.entity.SecretUnreadable;
import org.syncpost.idempotency.entity.IdempotencyKeyReused;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotAllowedNow;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.StaleVersion;
import org.syncpost.validation.entity.Violation;

/**
 * Turns every exception that reaches the API into problem details. Container exceptions wrap ours,
 * so the cause chain is searched for the most telling one; anything unknown becomes a 500 with an
 * incident id that is also in the log — never a stack trace in the response.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

  /** RFC 9110 section 15.5.21; JAX-RS 3.1 has no constant for it. */
  private static final Response.StatusType UNPROCESSABLE_CONTENT =
      new Response.StatusType() {
        @Override
        public int getStatusCode() {
          return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
          return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
          return "Unprocessable Content";
        }
      };

  /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final System.Logger LOGGER = System.getLogger(ProblemMappers.class.getName());

  @Override
  public Response toResponse(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      Response mapped = known(cause);
      if (mapped != null) {
        return mapped;
      }
    }
    String incident = UUID.randomUUID().toString();
    LOGGER.log(System.Logger.Level.ERROR, "Unexpected failure, incident " + incident, thrown);
    return Problem.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Something went wrong on the server",
        "The request failed unexpectedly; nothing is known to be stored. Report incident "
            + incident
            + " to your SyncPost administrator.");
  }

  /**
   * JAX-RS answers a query or header parameter it cannot convert ({@code limit=abc}) with 404, as
   * if the address were wrong (Jakarta REST 3.1 section 3.2); it is the caller's input, so it gets
   * the 400 of every other invalid field. Jersey's {@code ParamException} names the parameter; it
   * is read by reflection because the API is all the web module compiles against.
   */
  private static String unreadableQueryOrHeaderParameter(WebApplicationException web) {
    if (web.getResponse().getStatus() != 404) {
      return null;
    }
    for (Throwable failure = web; failure != null; failure = failure.getCause()) {
      try {
        Object type = failure.getClass().getMethod("getParameterType").invoke(failure);
        if (type == QueryParam.class || type == HeaderParam.class) {
          return String.valueOf(failure.getClass().getMethod("getParameterName").invoke(failure));
        }
      } catch (ReflectiveOperationException notAParameterFailure) {
        // any other 404 stays a 404
      }
    }
    return null;
  }

  private static Response known(Throwable cause) {
    if (cause instanceof MalformedBody malformed) {
      return Problem.of(
          malformed.isTooLarge()
              ? Response.Status.REQUEST_ENTITY_TOO_LARGE
              : Response.Status.BAD_REQUEST,
          malformed.kind(),
          malformed.isTooLarge() ? "The request is too large" : "The body cannot be read",
          cause.getMessage());
    }
    if (cause instanceof InvalidInput invalid) {
      return Problem.invalid(invalid.violations());
    }
    if (cause instanceof IdempotencyKeyReused reused) {
      return Problem.of(
          UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "The idempotency key was used for another request",
          reused.getMessage());
    }
    if (cause instanceof NotFound) {
      return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", cause.getMessage());
    }
    if (cause instanceof AccessDenied || cause instanceof AccessRefused) {
      return Problem.of(
          Response.Status.FORBIDDEN, "access-denied", "Not allowed", cause.getMessage());
    }
    if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
      return Problem.of(
          Response.Status.FORBIDDEN,
          "access-denied",
          "Not allowed",
          "Your roles do not allow this operation; ask an administrator.");
    }
    if (cause instanceof NotAllowedNow refused) {
      return Problem.of(
          Response.Status.CONFLICT, refused.code(), refused.title(), cause.getMessage());
    }
    if (cause instanceof StaleVersion) {
      return Problem.of(
          Response.Status.PRECONDITION_FAILED,
          "stale-version",
          "Changed by someone else",
          cause.getMessage());
    }
    if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
      // the facades check uniqueness first; only a request racing another one gets here
      return Problem.of(
          Response.Status.CONFLICT,
          "created-meanwhile",
          "Stored by another request at the same moment",
          "Another request stored the same name or address at the same moment, so nothing of"
              + " this one was stored; send it again to see the current state.");
    }
    if (cause instanceof OptimisticLockException) {
      return Problem.of(
          Response.Status.CONFLICT,
          "concurrent-change",
          "Changed by someone else",
          "The record was changed by someone else while you edited it; read it again and repeat your change.");
    }
    if (cause instanceof JsonParsingException parsing) {
      return Problem.of(
          Response.Status.BAD_REQUEST,
          "malformed-json",
          "The body is not valid JSON",
          parsing.getMessage()
              + " (at line "
              + parsing.getLocation().getLineNumber()
              + ", column "
              + parsing.getLocation().getColumnNumber()
              + ")");
    }
    if (cause instanceof SecretUnreadable) {
      return Problem.of(
          Response.Status.INTERNAL_SERVER_ERROR,
          "credential-unreadable",
          "A stored credential cannot be read",
          cause.getMessage());
    }
    if (cause instanceof WebApplicationException web) {
      String parameter = unreadableQueryOrHeaderParameter(web);
      if (parameter != null) {
        return Problem.invalid(
            List.of(
                new Violation(
                    parameter,
                    "cannot be read: send a whole number within range (or true/false where a"
                        + " flag is asked)")));
      }
      Response.StatusType status = web.getResponse().getStatusInfo();
      return Problem.of(
          status, "http-" + status.getStatusCode(), status.getReasonPhrase(), web.getMessage());
    }
    return null;
  }
}
