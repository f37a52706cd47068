package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.DownloadName;

/**
 * An attachment of a record with its bytes, as an MTOM attachment of the response. Its name is the
 * safe file name a REST download offers ({@link DownloadName}): a client that saves the file under
 * it writes no other directory, and XML 1.0 could not carry the control characters a sender may put
 * in a name.
 */
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
    file.name = nameOf(attachment);
    file.contentType = attachment.getContentType();
    file.size = attachment.getSize();
    file.content = attachment.getContent();
    return file;
  }

  /** The name a client may save the attachment under; also what {@link AttachmentInfo} shows. */
  static String nameOf(Attachment attachment) {
    return DownloadName.of(attachment.getFileName(), "attachment-" + attachment.getPosition())
        .name();
  }
}
