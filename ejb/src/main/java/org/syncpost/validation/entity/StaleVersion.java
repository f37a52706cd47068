package org.syncpost.validation.entity;

import jakarta.ejb.ApplicationException;
import java.time.Instant;

/**
 * The caller changed a record as it was at a version that is no longer current: someone else
 * changed it meanwhile (REST 412 on {@code If-Match}; a message in the admin UI's form). Nothing
 * was stored; read it again. Says who changed it and when, as the record's change stamp has it (the
 * same user and time as the audit entry of that change).
 */
@ApplicationException(rollback = true)
public class StaleVersion extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String what;
  private final String changedBy;
  private final Instant changedOn;

  public StaleVersion(String what, long expected, long current, String changedBy) {
    this(what, expected, current, changedBy, null);
  }

  public StaleVersion(
      String what, long expected, long current, String changedBy, Instant changedOn) {
    super(
        "The "
            + what
            + " was changed by "
            + (changedBy == null ? "someone else" : changedBy)
            + (changedOn == null ? "" : " at " + changedOn)
            + " since you read it (version "
            + expected
            + ", now "
            + current
            + "); nothing was stored. Read it again and repeat your change.");
    this.what = what;
    this.changedBy = changedBy;
    this.changedOn = changedOn;
  }

  /** What was changed, in words: "profile", "mailbox". */
  public String what() {
    return what;
  }

  /** Who changed it last, or {@code null} when not known. */
  public String changedBy() {
    return changedBy;
  }

  /** When it was changed last, or {@code null} when not known. */
  public Instant changedOn() {
    return changedOn;
  }
}
