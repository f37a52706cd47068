package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.syncpost.email.entity.Attachment;

/** An attachment of a record with its bytes, as an MTOM attachment of the response. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"position", "name", "contentType", "size", "content"})
public class AttachmentFile {

  public int position;
  public String name;
  public String contentType;
  public long size;

  /** The bytes, as an MTOM part of the response. */
  public byte[] content;

  static AttachmentFile of(Attachment attachment) {
    AttachmentFile file = new AttachmentFile();
    file.position = attachment.getPosition();
    file.name = attachment.getFileName();
    file.contentType = attachment.getContentType();
    file.size = attachment.getSize();
    file.content = attachment.getContent();
    return file;
  }
}
