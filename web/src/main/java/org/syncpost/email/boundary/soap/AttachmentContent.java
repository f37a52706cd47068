package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** A file with its bytes, sent as an MTOM attachment rather than base64 inside the XML. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "contentType", "content"})
public class AttachmentContent {

  public String name;
  public String contentType;

  /** The bytes; the client's MTOM feature sends them as a MIME part (XOP), not as base64. */
  public byte[] content;

  /** What the request's fingerprint reads of this file. */
  String fingerprintText() {
    return name
        + "\n"
        + contentType
        + "\n"
        + (content == null ? "-" : java.util.Base64.getEncoder().encodeToString(content));
  }
}
