package org.syncpost.api.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** The detail of a fault: what is wrong and what to do, in words a developer can act on. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"code", "message"})
public class FaultDetail {

  /** Stable, for programs: {@code not-found}, {@code access-denied}, {@code not-allowed-now}. */
  public String code;

  public String message;

  public FaultDetail() {}

  FaultDetail(String code, String message) {
    this.code = code;
    this.message = message;
  }
}
