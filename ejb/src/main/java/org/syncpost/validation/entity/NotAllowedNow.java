package org.syncpost.validation.entity;

import jakarta.ejb.ApplicationException;

/**
 * Asked for what the thing's current state does not allow (e.g. cancel a sent email). The
 * interfaces map every such refusal alike (REST 409, SOAP {@code NotAllowedNowFault}) without
 * knowing the capability that refused (ADR 0013).
 */
@ApplicationException(rollback = true)
public abstract class NotAllowedNow extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected NotAllowedNow(String message) {
    super(message);
  }

  /** A kebab-case name of the refusal, e.g. a REST problem's type. */
  public abstract String code();

  /** What was refused, in a few words. */
  public abstract String title();
}
