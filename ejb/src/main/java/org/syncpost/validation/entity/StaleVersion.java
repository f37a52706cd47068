package org.syncpost.validation.entity;

import jakarta.ejb.ApplicationException;

/**
 * The caller changed a record as it was at a version that is no longer current: someone else
 * changed it meanwhile (REST 412 on {@code If-Match}). Nothing was stored; read it again.
 */
@ApplicationException(rollback = true)
public class StaleVersion extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StaleVersion(String what, long expected, long current, String changedBy) {
    super(
        "The "
            + what
            + " was changed by "
            + (changedBy == null ? "someone else" : changedBy)
            + " since you read it (version "
            + expected
            + ", now "
            + current
            + "); nothing was stored. Read it again and repeat your change.");
  }
}
