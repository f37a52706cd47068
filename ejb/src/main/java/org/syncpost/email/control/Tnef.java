package org.syncpost.email.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.syncpost.email.entity.AttachmentData;

/**
 * Unpacks a TNEF stream ({@code winmail.dat}, {@code application/ms-tnef}: Outlook's "rich text"
 * wrapping, MS-OXTNEF) with Apache POI's HMEF into the attachments it carries and, when it has one,
 * its RTF body. The original stays an attachment of its own; a stream HMEF cannot read leaves just
 * the original.
 */
final class Tnef {

  private static final String OCTET_STREAM = "application/octet-stream";

  private Tnef() {}

  static boolean isTnef(String contentType, String fileName) {
    return "application/ms-tnef".equals(contentType)
        || "application/vnd.ms-tnef".equals(contentType)
        || fileName != null && fileName.toLowerCase(Locale.ROOT).equals("winmail.dat");
  }

  /**
   * HMEF holds a stream's attributes in memory: larger ones (rare; mail servers cap messages near
   * this) stay packed.
   */
  static final long MAX_UNPACKED = 32L * 1024 * 1024;

  /** What the attachment's content carries (see {@link #unpack(byte[], long)}). */
  static List<AttachmentData> unpack(PartContent read, long maxBytes) {
    if (read.spooled() == null) {
      return unpack(read.bytes(), maxBytes);
    }
    if (read.size() > MAX_UNPACKED) {
      return List.of();
    }
    try {
      return unpack(Files.readAllBytes(read.spooled()), maxBytes);
    } catch (IOException | RuntimeException unreadable) {
      return List.of();
    }
  }

  /**
   * What {@code tnef} carries, each piece within {@code maxBytes} (larger ones noted, not kept);
   * empty when it cannot be read.
   */
  static List<AttachmentData> unpack(byte[] tnef, long maxBytes) {
    List<AttachmentData> unpacked = new ArrayList<>();
    try {
      HMEFMessage message = new HMEFMessage(new ByteArrayInputStream(tnef));
      for (Attachment attachment : message.getAttachments()) {
        byte[] contents = attachment.getContents();
        if (contents == null) {
          continue;
        }
        String name = FileNames.readable(attachment.getLongFilename());
        if (name == null || name.isBlank()) {
          name = FileNames.readable(attachment.getFilename());
        }
        unpacked.add(
            piece(name == null || name.isBlank() ? "attachment" : name, contents, maxBytes));
      }
      String rtf = message.getBody();
      if (rtf != null && !rtf.isBlank()) {
        byte[] body = rtf.getBytes(StandardCharsets.ISO_8859_1);
        unpacked.add(pieceOfType("message-body.rtf", "application/rtf", body, maxBytes));
      }
      return unpacked;
    } catch (Exception | LinkageError unreadable) {
      // not TNEF after all, or broken: the original attachment is kept as it came
      return List.of();
    }
  }

  private static AttachmentData piece(String name, byte[] contents, long maxBytes) {
    return pieceOfType(name, OCTET_STREAM, contents, maxBytes);
  }

  private static AttachmentData pieceOfType(
      String name, String type, byte[] contents, long maxBytes) {
    boolean kept = contents.length <= maxBytes;
    return new AttachmentData(
        MessageParser.clamp(name.strip(), MessageParser.MAX_HEADER_VALUE),
        type,
        null,
        false,
        contents.length,
        kept ? contents : null,
        kept
            ? null
            : "larger than the organisation's maximum attachment size of "
                + (maxBytes / 1024)
                + " KB",
        null);
  }
}
