package org.syncpost.idempotency.entity;

import jakarta.ejb.ApplicationException;

/**
 * The unique constraint refused the key: another transaction holds it. The work did not run; the
 * caller reads the other request's answer in a new transaction.
 */
@ApplicationException(rollback = true)
public class KeyTaken extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeyTaken(Throwable cause) {
    super("the key is held by another request", cause);
  }
}
