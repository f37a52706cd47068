package org.syncpost.email.entity;

import jakarta.ejb.ApplicationException;

/**
 * A message could not be read as MIME well enough to become an email record. It goes to quarantine
 * with its raw bytes and this reason, never silently dropped.
 */
@ApplicationException(rollback = true)
public class UnparseableMessage extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnparseableMessage(String reason) {
    super(reason);
  }

  public UnparseableMessage(String reason, Throwable cause) {
    super(reason + (cause == null ? "" : ": " + cause.getClass().getSimpleName()), cause);
  }

  /** In plain words, for the quarantine entry. */
  public String reason() {
    return getMessage();
  }
}
