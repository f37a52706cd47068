package org.syncpost.api.boundary.soap;

import jakarta.xml.ws.WebFault;

/** The caller is known, but its role or ownership does not allow this. */
@Documentation(
    "Raised with code access-denied when the signed-in caller's roles or ownership do not"
        + " allow the operation on that record (e.g. another owner's mailbox or email). Nothing"
        + " was changed."
        + Documentation.CALLERS)
@WebFault(name = "AccessDeniedFault", targetNamespace = Soap.NAMESPACE)
public class AccessDeniedFault extends Exception {

  private static final long serialVersionUID = 1L;
  private final FaultDetail faultInfo;

  public AccessDeniedFault(String message, FaultDetail faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  AccessDeniedFault(String message) {
    this(message, new FaultDetail("access-denied", message));
  }

  public FaultDetail getFaultInfo() {
    return faultInfo;
  }
}
