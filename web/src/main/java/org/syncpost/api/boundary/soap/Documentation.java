package org.syncpost.api.boundary.soap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a SOAP operation does and which faults it raises when, or when a fault is raised: written
 * into the served WSDL as {@code wsdl:documentation} ({@link WsdlDocumentation}), so that a client
 * developer reads it where the generated client comes from.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Documentation {

  /** What every operation may answer besides its declared faults. */
  String OTHER_FAULTS =
      " A request the service cannot read (element names, types, enumeration or number values"
          + " the schema does not allow) is a Client fault without detail. Any failure of"
          + " SyncPost itself is a Server fault (SOAP 1.2: Receiver) whose text names an incident"
          + " id to report to the administrator; nothing is known to be stored then, and the same"
          + " request may be sent again (with the same clientRequestId where the operation takes"
          + " one).";

  /** What every declared fault is. */
  String CALLERS =
      " SOAP 1.1 faultcode Client (SOAP 1.2: Sender): the caller's to correct; the same request"
          + " sent again gets the same fault.";

  String value();
}
