package org.syncpost.email.entity;

/**
 * An attachment as read from a message or sent by an application.
 *
 * @param content the bytes, or {@code null} when kept out ({@code omittedReason} says why)
 * @param size the size in bytes, also when the content was kept out
 */
public record AttachmentData(
    String fileName,
    String contentType,
    String contentId,
    boolean inline,
    long size,
    byte[] content,
    String omittedReason) {

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
