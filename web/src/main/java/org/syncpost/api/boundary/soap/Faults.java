package org.syncpost.api.boundary.soap;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.OptimisticLockException;
import jakarta.xml.ws.WebServiceException;
import java.util.List;
import java.util.UUID;
import org.syncpost.access.entity.AccessRefused;
import org.syncpost.idempotency.entity.IdempotencyKeyReused;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotAllowedNow;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.StaleVersion;
import org.syncpost.validation.entity.Violation;

/**
 * Runs one facade call for an endpoint and turns what it throws into the faults the WSDL declares,
 * as {@code ProblemMappers} does for REST. Container exceptions wrap ours, so the cause chain is
 * searched. Anything unknown becomes a SOAP server fault that names an incident id, also logged —
 * never the exception's own text or stack trace.
 */
public final class Faults {

  private static final System.Logger LOGGER = System.getLogger(Faults.class.getName());

  private static final String OWN_FAILURE = "Something went wrong on the server;";

  private Faults() {}

  /** Whether a fault's text is the one SyncPost gives its own unexpected failures. */
  static boolean isOwnFailure(String faultString) {
    return faultString != null && faultString.startsWith(OWN_FAILURE);
  }

  /** A facade call; it throws only unchecked exceptions. */
  @FunctionalInterface
  public interface Call<T> {
    T run();
  }

  public static <T> T translated(Call<T> call)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    try {
      return call.run();
    } catch (RuntimeException thrown) {
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidInput invalid) {
          throw ValidationFault.of(invalid.violations());
        }
        if (cause instanceof IdempotencyKeyReused reused) {
          throw ValidationFault.of(List.of(new Violation(reused.field(), reused.getMessage())));
        }
        if (cause instanceof NotFound) {
          throw new NotFoundFault(cause.getMessage());
        }
        if (cause instanceof AccessDenied || cause instanceof AccessRefused) {
          throw new AccessDeniedFault(cause.getMessage());
        }
        if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
          throw new AccessDeniedFault(
              "Your roles do not allow this operation; ask an administrator.");
        }
        if (cause instanceof NotAllowedNow) {
          throw new NotAllowedNowFault(cause.getMessage());
        }
        if (cause instanceof StaleVersion) {
          throw new NotAllowedNowFault(cause.getMessage());
        }
        if (cause instanceof OptimisticLockException) {
          throw new NotAllowedNowFault(
              "The record was changed by someone else at the same time; read it again and repeat"
                  + " your change.");
        }
      }
      String incident = UUID.randomUUID().toString();
      LOGGER.log(System.Logger.Level.ERROR, "Unexpected failure, incident " + incident, thrown);
      throw new WebServiceException(
          OWN_FAILURE
              + " nothing is known to be stored. Report incident "
              + incident
              + " to your SyncPost administrator.");
    }
  }
}
