/**
 * What every SOAP endpoint shares: the namespace of version 1 of the contract, the faults declared
 * in the WSDL (translated from the facades' exceptions) and the XML form of instants. The endpoints
 * themselves live with their capability ({@code org.syncpost.<capability>.boundary.soap}); see
 * docs/adr/0009-soap-runtime-and-authentication.md.
 */
@XmlSchema(namespace = Soap.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package org.syncpost.api.boundary.soap;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
