package org.syncpost.api.boundary.soap;

import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Iterator;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Says whose mistake a fault is. JAX-WS gives every fault the code {@code Server}, and clients
 * retry those; a refused request (validation, not found, access denied, not allowed now) and a
 * message the runtime could not read (schema, types, enum values, numbers) are the caller's: {@code
 * Client} (SOAP 1.1 section 4.4.1) or {@code Sender} (SOAP 1.2). The runtime's own fault text names
 * parser and JAXB classes; it is replaced by plain words. Only a fault SyncPost raised itself for
 * its own failure ({@link Faults}, with an incident id) stays {@code Server}.
 */
public class CallerFaults implements SOAPHandler<SOAPMessageContext> {

  private static final Set<String> DECLARED =
      Set.of("ValidationFault", "NotFoundFault", "AccessDeniedFault", "NotAllowedNowFault");

  static final String UNREADABLE =
      "The request is not a valid message of this service: check element names, number, date and"
          + " enumeration values against the WSDL. Nothing was stored.";

  @Override
  public boolean handleFault(SOAPMessageContext context) {
    if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
      return true;
    }
    try {
      SOAPFault fault = context.getMessage().getSOAPBody().getFault();
      if (fault == null
          || Faults.isOwnFailure(fault.getFaultString())
          || isCallers(fault.getFaultCodeAsQName())) {
        return true;
      }
      boolean declared = isDeclared(fault.getDetail());
      String soap12 = SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE;
      if (soap12.equals(fault.getFaultCodeAsQName().getNamespaceURI())) {
        fault.setFaultCode(SOAPConstants.SOAP_SENDER_FAULT);
      } else {
        fault.setFaultCode(new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Client", "S"));
      }
      if (!declared) {
        fault.setFaultString(UNREADABLE);
        if (fault.getDetail() != null) {
          fault.getDetail().detachNode();
        }
      }
      context.getMessage().saveChanges();
    } catch (SOAPException e) {
      // the fault goes out as the runtime made it; a Server code is then only too cautious
      System.getLogger(CallerFaults.class.getName())
          .log(System.Logger.Level.WARNING, "Could not mark a SOAP fault as the caller's", e);
    }
    return true;
  }

  /** Already the caller's, e.g. a refusal of {@link DateRange}: left as it is. */
  private static boolean isCallers(QName code) {
    return "Client".equals(code.getLocalPart()) || "Sender".equals(code.getLocalPart());
  }

  private static boolean isDeclared(Detail detail) {
    if (detail == null) {
      return false;
    }
    for (Iterator<?> entries = detail.getDetailEntries(); entries.hasNext(); ) {
      if (entries.next() instanceof jakarta.xml.soap.DetailEntry entry
          && Soap.NAMESPACE.equals(entry.getNamespaceURI())
          && DECLARED.contains(entry.getLocalName())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean handleMessage(SOAPMessageContext context) {
    return true;
  }

  @Override
  public Set<QName> getHeaders() {
    return Set.of();
  }

  @Override
  public void close(MessageContext context) {}
}
