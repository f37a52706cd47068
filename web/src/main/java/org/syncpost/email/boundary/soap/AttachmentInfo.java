package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.syncpost.email.entity.Attachment;

/**
 * An attachment of a record, without its bytes ({@code getAttachment} reads those), named as its
 * download is ({@link AttachmentFile#nameOf}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"position", "name", "contentType", "size", "inline", "omittedReason"})
public class AttachmentInfo {

  public int position;
  public String name;
  public String contentType;
  public long size;
  public boolean inline;
  public String omittedReason;

  static AttachmentInfo of(Attachment a) {
    AttachmentInfo info = new AttachmentInfo();
    info.position = a.getPosition();
    info.name = AttachmentFile.nameOf(a);
    info.contentType = a.getContentType();
    info.size = a.getSize();
    info.inline = a.isInline();
    info.omittedReason = a.getOmittedReason();
    return info;
  }
}
