package org.syncpost.idempotency.entity;

import jakarta.ejb.ApplicationException;

/**
 * The caller used a key again, within the time keys are kept, for a request with a different body:
 * a mistake of the caller (REST 422, SOAP {@code Client} fault), never a second record.
 */
@ApplicationException(rollback = true)
public class IdempotencyKeyReused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public IdempotencyKeyReused(String field, String key) {
    super(
        "The "
            + field
            + " '"
            + key
            + "' was already used within 24 hours for a request with a different body. Send the"
            + " same body to get the first answer again, or use a new key for a new request.");
    this.field = field;
  }

  /** The header or field that carried the key, e.g. {@code Idempotency-Key}. */
  public String field() {
    return field;
  }
}
