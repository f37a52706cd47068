package org.syncpost.job.entity;

import java.util.Objects;

/**
 * What the work of a job did for one mailbox.
 *
 * @param outcome succeeded, failed or skipped
 * @param message what happened, in plain words for the administrator watching the job (may be
 *     {@code null} on success); never a password or token
 */
public record ItemResult(ItemOutcome outcome, String message) {

  public ItemResult {
    Objects.requireNonNull(outcome, "an item result needs an outcome");
  }

  public static ItemResult succeeded(String message) {
    return new ItemResult(ItemOutcome.SUCCEEDED, message);
  }

  public static ItemResult failed(String message) {
    return new ItemResult(ItemOutcome.FAILED, message);
  }

  public static ItemResult skipped(String message) {
    return new ItemResult(ItemOutcome.SKIPPED, message);
  }

  /** The result of work that threw instead of answering. */
  public static ItemResult thrown(RuntimeException thrown) {
    Throwable cause = thrown;
    // container wrappers (EJBException, TransactionalException) say little; their cause says more
    while (cause.getCause() != null
        && (cause.getMessage() == null || cause.getClass().getName().startsWith("jakarta."))) {
      cause = cause.getCause();
    }
    String said =
        cause.getMessage() == null || cause.getMessage().isBlank()
            ? null
            : cause.getMessage().strip();
    return failed(
        "Failed unexpectedly"
            + (said == null ? "" : ": " + said)
            + " ("
            + cause.getClass().getSimpleName()
            + "). The server log has the details.");
  }
}
