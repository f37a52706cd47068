package org.syncpost.api.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * One invalid field of a request: its name as in the request (e.g. {@code to[1]}) and what to do.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"field", "message"})
public class InvalidField {

  public String field;
  public String message;

  public InvalidField() {}

  InvalidField(String field, String message) {
    this.field = field;
    this.message = message;
  }
}
