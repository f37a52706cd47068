package org.syncpost.audit.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * JPA 3.1 would store {@link Instant} as a serialized blob; as {@code TIMESTAMP WITH TIME ZONE}
 * (read and written as {@link OffsetDateTime} in UTC) it stays queryable and means the same instant
 * on every node, whatever its time zone, on H2 and PostgreSQL alike.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
