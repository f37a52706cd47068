package org.syncpost.api.boundary.soap;

import jakarta.xml.ws.WebFault;
import java.util.List;
import org.syncpost.validation.entity.Violation;

/** The request has invalid fields, each listed with what to do; nothing was stored. */
@Documentation(
    "Raised when the request has invalid fields: each is listed in errors with its field"
        + " name (e.g. to[2], senderMailboxId, clientRequestId) and what to do; also when a"
        + " clientRequestId is sent again with another request. Nothing was stored."
        + Documentation.CALLERS)
@WebFault(name = "ValidationFault", targetNamespace = Soap.NAMESPACE)
public class ValidationFault extends Exception {

  private static final long serialVersionUID = 1L;
  private final ValidationDetail faultInfo;

  public ValidationFault(String message, ValidationDetail faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  static ValidationFault of(List<Violation> violations) {
    ValidationDetail detail = new ValidationDetail();
    detail.message =
        "The request has invalid fields; nothing was stored. Correct the fields listed in"
            + " 'errors' and send the request again.";
    violations.forEach(v -> detail.errors.add(new InvalidField(v.field(), v.message())));
    return new ValidationFault(detail.message, detail);
  }

  public ValidationDetail getFaultInfo() {
    return faultInfo;
  }
}
