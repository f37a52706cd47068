package org.syncpost.email.entity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An attachment as read from a message or sent by an application. Its texts (name, content type,
 * content id) are as a database can store them ({@link StorableText}: no U+0000); the content stays
 * as it came.
 *
 * @param content the bytes, or {@code null} when kept out ({@code omittedReason} says why) or
 *     spooled
 * @param size the size in bytes, also when the content was kept out
 * @param spooled a temporary file holding the content instead of {@code content}, for attachments
 *     too large to hold in memory; whoever stores the attachment streams it from there and deletes
 *     it
 */
public record AttachmentData(
    String fileName,
    String contentType,
    String contentId,
    boolean inline,
    long size,
    byte[] content,
    String omittedReason,
    Path spooled) {

  public AttachmentData {
    fileName = StorableText.of(fileName);
    contentType = StorableText.of(contentType);
    contentId = StorableText.of(contentId);
    omittedReason = StorableText.of(omittedReason);
  }

  /** An attachment whose content (if any) is in memory. */
  public AttachmentData(
      String fileName,
      String contentType,
      String contentId,
      boolean inline,
      long size,
      byte[] content,
      String omittedReason) {
    this(fileName, contentType, contentId, inline, size, content, omittedReason, null);
  }

  /** Deletes the spooled content, if any; the attachment is stored or given up. */
  public void discardSpooled() {
    if (spooled != null) {
      try {
        Files.deleteIfExists(spooled);
      } catch (IOException notThere) {
        // a temporary file; the operating system cleans its temporary directory too
      }
    }
  }

  @Override
  public String toString() {
    return "AttachmentData[" + fileName + ", " + contentType + ", " + size + " bytes]";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
