package org.syncpost.crypto.entity;

import jakarta.ejb.ApplicationException;

/** A stored secret could not be decrypted: its key is missing, or the value was tampered with. */
@ApplicationException(rollback = true)
public class SecretUnreadable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecretUnreadable(String message) {
    super(message);
  }

  public SecretUnreadable(String message, Throwable cause) {
    super(message, cause);
  }
}
