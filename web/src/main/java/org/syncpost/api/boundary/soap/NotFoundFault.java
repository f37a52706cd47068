package org.syncpost.api.boundary.soap;

import jakarta.xml.ws.WebFault;

/** The thing asked for does not exist (or the caller may not know that it does). */
@Documentation(
    "Raised with code not-found when an id names nothing that exists (or was deleted)."
        + " Nothing was changed."
        + Documentation.CALLERS)
@WebFault(name = "NotFoundFault", targetNamespace = Soap.NAMESPACE)
public class NotFoundFault extends Exception {

  private static final long serialVersionUID = 1L;
  private final FaultDetail faultInfo;

  public NotFoundFault(String message, FaultDetail faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  NotFoundFault(String message) {
    this(message, new FaultDetail("not-found", message));
  }

  public FaultDetail getFaultInfo() {
    return faultInfo;
  }
}
