package org.syncpost.validation.entity;

import jakarta.ejb.ApplicationException;

/** The caller is known but its roles do not allow this. */
@ApplicationException(rollback = true)
public class AccessDenied extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccessDenied(String message) {
    super(message);
  }
}
