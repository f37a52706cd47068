package org.syncpost.api.boundary.soap;

import jakarta.xml.ws.WebFault;

/**
 * Not possible in the current state (e.g. cancelling an email that was sent); read the record
 * again.
 */
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
