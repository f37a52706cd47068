package org.syncpost.time.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A timestamp column read by a native query, as an instant: the JDBC drivers answer with different
 * types (H2 an {@code OffsetDateTime}, PostgreSQL a {@code Timestamp} or an {@code Instant}).
 */
public final class ColumnInstants {

  private ColumnInstants() {}

  /** The instant a native query's timestamp value stands for, or {@code null} for SQL NULL. */
  public static Instant of(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    return null;
  }
}
