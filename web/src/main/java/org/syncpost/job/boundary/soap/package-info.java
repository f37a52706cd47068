/** Background jobs over SOAP: progress and one result per mailbox. */
@XmlSchema(namespace = Soap.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
@XmlJavaTypeAdapter(value = InstantXml.class, type = Instant.class)
package org.syncpost.job.boundary.soap;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.time.Instant;
import org.syncpost.api.boundary.soap.InstantXml;
import org.syncpost.api.boundary.soap.Soap;
