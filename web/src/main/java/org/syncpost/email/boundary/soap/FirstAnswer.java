package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;
import org.syncpost.api.boundary.soap.Soap;

/**
 * The email {@code sendEmail} answered the first time for a {@code clientRequestId}, kept as the
 * XML it was sent as, so that a retry gets that very answer (as REST's {@code Idempotency-Key}
 * keeps its JSON), not the email as it is by the time of the retry.
 */
final class FirstAnswer {

  private static final QName ELEMENT = new QName(Soap.NAMESPACE, "email");
  private static final JAXBContext CONTEXT = context();

  private FirstAnswer() {}

  private static JAXBContext context() {
    try {
      return JAXBContext.newInstance(Email.class);
    } catch (JAXBException e) {
      throw new IllegalStateException("the SOAP email type cannot be bound", e);
    }
  }

  static String xml(Email email) {
    try {
      StringWriter xml = new StringWriter();
      CONTEXT.createMarshaller().marshal(new JAXBElement<>(ELEMENT, Email.class, email), xml);
      return xml.toString();
    } catch (JAXBException e) {
      throw new IllegalStateException("email " + email.id + " could not be kept as XML", e);
    }
  }

  static Email email(String xml) {
    try {
      return CONTEXT
          .createUnmarshaller()
          .unmarshal(new StreamSource(new StringReader(xml)), Email.class)
          .getValue();
    } catch (JAXBException e) {
      throw new IllegalStateException("a kept first answer could not be read", e);
    }
  }
}
