package org.syncpost.api.boundary.soap;

import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Refuses dates SyncPost cannot store before JAXB reads them: JAXB turns an {@code xs:dateTime}
 * into a {@code java.util.Date} whose milliseconds overflow beyond a few hundred million years, so
 * {@code 999999999-12-31T23:59:59Z} arrived as a date in the year −169,108,099. The date elements
 * of the contract ({@code sendAt}, {@code since}, {@code until}) must lie in the years 1970 to
 * 9999, as in REST.
 */
public class DateRange implements SOAPHandler<SOAPMessageContext> {

  private static final Set<String> DATE_ELEMENTS = Set.of("sendAt", "since", "until");
  private static final Pattern YEAR = Pattern.compile("\\s*(-?)(\\d+)-.*", Pattern.DOTALL);

  @Override
  public boolean handleMessage(SOAPMessageContext context) {
    if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
      return true;
    }
    try {
      for (String name : DATE_ELEMENTS) {
        NodeList found =
            context.getMessage().getSOAPBody().getElementsByTagNameNS(Soap.NAMESPACE, name);
        for (int i = 0; i < found.getLength(); i++) {
          Node node = found.item(i);
          if (node instanceof Element element && !inRange(element.getTextContent())) {
            throw refusal(name);
          }
        }
      }
    } catch (SOAPException e) {
      // the runtime reads the message itself and answers what is wrong with it
      return true;
    }
    return true;
  }

  static boolean inRange(String text) {
    Matcher year = YEAR.matcher(text == null ? "" : text);
    if (!year.matches()) {
      return true; // not a date at all: the schema validation refuses it
    }
    String digits = year.group(2);
    return year.group(1).isEmpty() && digits.length() <= 4 && Integer.parseInt(digits) >= 1970;
  }

  private static SOAPFaultException refusal(String element) throws SOAPException {
    SOAPFault fault =
        SOAPFactory.newInstance()
            .createFault(
                element
                    + " must be a date between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z;"
                    + " nothing was stored.",
                new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Client"));
    return new SOAPFaultException(fault);
  }

  @Override
  public boolean handleFault(SOAPMessageContext context) {
    return true;
  }

  @Override
  public Set<QName> getHeaders() {
    return Set.of();
  }

  @Override
  public void close(MessageContext context) {}
}
