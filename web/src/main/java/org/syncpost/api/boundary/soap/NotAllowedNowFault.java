package org.syncpost.api.boundary.soap;

import jakarta.xml.ws.WebFault;

/**
 * Not possible in the current state (e.g. cancelling an email that was sent); read the record
 * again.
 */
@Documentation(
    "Raised with code not-allowed-now when the record's current state does not allow the"
        + " operation (e.g. canceling an email that was already sent), or when someone else"
        + " changed it at the same time. Nothing was changed: read the record again, then"
        + " decide."
        + Documentation.CALLERS)
@WebFault(name = "NotAllowedNowFault", targetNamespace = Soap.NAMESPACE)
public class NotAllowedNowFault extends Exception {

  private static final long serialVersionUID = 1L;
  private final FaultDetail faultInfo;

  public NotAllowedNowFault(String message, FaultDetail faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  NotAllowedNowFault(String message) {
    this(message, new FaultDetail("not-allowed-now", message));
  }

  public FaultDetail getFaultInfo() {
    return faultInfo;
  }
}
