package org.syncpost.validation.entity;

import jakarta.ejb.ApplicationException;

/** The thing asked for does not exist (or the caller may not know that it does). */
@ApplicationException(rollback = true)
public class NotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFound(String what, Object id) {
    super("There is no " + what + " with id " + id + ".");
  }
}
