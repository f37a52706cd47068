package org.syncpost.email.boundary.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.Sorting;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailSort;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.validation.entity.InvalidInput;

/**
 * The query parameters of {@code GET /emails} as the facade takes them: each refused with its name
 * and what it takes.
 */
final class EmailListQuery {

  private EmailListQuery() {}

  /** The {@code sort}, or null for the list's own order (newest first). */
  static Sorting<EmailSort> sorting(String sort) {
    return sort == null || sort.isBlank() ? null : Sorting.of(sort, EmailSort.RECEIVED_ON);
  }

  static Direction direction(String value) {
    return enumValue("direction", value, Direction.class);
  }

  static EmailStatus status(String value) {
    return enumValue("status", value, EmailStatus.class);
  }

  private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      throw InvalidInput.of(
          name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidInput.of(name, "must be a date-time with offset, e.g. 2026-01-31T08:00:00Z");
    }
    if (instant.isBefore(JsonInput.EARLIEST) || instant.isAfter(JsonInput.LATEST)) {
      throw InvalidInput.of(
          name, "must be between " + JsonInput.EARLIEST + " and " + JsonInput.LATEST);
    }
    return instant;
  }
}
