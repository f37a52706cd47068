package org.syncpost.api.boundary.soap;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.Instant;
import java.util.Date;

/**
 * Instants as {@code xs:dateTime}: JAXB 4 has no binding of its own for {@link Instant}, and binds
 * {@link Date} to {@code xs:dateTime} (millisecond precision).
 */
public class InstantXml extends XmlAdapter<Date, Instant> {

  @Override
  public Instant unmarshal(Date value) {
    return value == null ? null : value.toInstant();
  }

  @Override
  public Date marshal(Instant value) {
    return value == null ? null : Date.from(value);
  }
}
