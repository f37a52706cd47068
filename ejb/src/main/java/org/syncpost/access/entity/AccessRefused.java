package org.syncpost.access.entity;

import jakarta.ejb.ApplicationException;

/**
 * The role matrix does not let the caller's roles use an operation. Answered like any refusal by
 * role: 403, a SOAP AccessDenied fault, a message on the page.
 */
@ApplicationException(rollback = true)
public class AccessRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccessRefused(String message) {
    super(message);
  }
}
