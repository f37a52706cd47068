package org.syncpost.email.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.UnparseableMessage;

/**
 * Walks the parts of one message: text and HTML bodies gathered, attachments listed in order (those
 * over the size limit noted, not kept).
 */
final class PartWalker {

  private static final String OCTET_STREAM = "application/octet-stream";
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9!#$&^_.+-]{1,127}/[a-z0-9!#$&^_.+-]{1,127}");

  private final long maxAttachmentBytes;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder html = new StringBuilder();
  final List<AttachmentData> attachments = new ArrayList<>();

  PartWalker(long maxAttachmentBytes) {
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  String text() {
    return text.length() == 0 ? null : text.toString();
  }

  String html() {
    return html.length() == 0 ? null : html.toString();
  }

  void walk(Part part, int depth) throws MessagingException, IOException {
    if (depth > MessageParser.MAX_DEPTH) {
      throw new UnparseableMessage(
          "the message nests its parts more than " + MessageParser.MAX_DEPTH + " levels deep");
    }
    ContentType type = contentTypeOf(part);
    String disposition = dispositionOf(part);
    String fileName = fileNameOf(part);
    if (type.match("multipart/*")) {
      Multipart multipart = multipartOf(part);
      if (multipart == null) {
        appendText(part, type);
        return;
      }
      for (int i = 0; i < multipart.getCount(); i++) {
        walk(multipart.getBodyPart(i), depth + 1);
      }
    } else if (!Part.ATTACHMENT.equalsIgnoreCase(disposition)
        && fileName == null
        && (type.match("text/plain") || type.match("text/html"))) {
      appendText(part, type);
    } else {
      attach(part, type, disposition, fileName);
    }
  }

  private static Multipart multipartOf(Part part) {
    try {
      MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
      multipart.getCount(); // parses now: a missing start boundary shows here
      return multipart;
    } catch (MessagingException | RuntimeException broken) {
      return null;
    }
  }

  private void appendText(Part part, ContentType type) throws MessagingException {
    String content =
        TextDecoder.decodeText(
            PartContent.read(part, Long.MAX_VALUE, false).bytes(), type.getParameter("charset"));
    StringBuilder target = type.match("text/html") ? html : text;
    if (target.length() > 0) {
      target.append(type.match("text/html") ? "\n<hr>\n" : "\n\n");
    }
    target.append(content);
  }

  private void attach(Part part, ContentType type, String disposition, String fileName)
      throws MessagingException {
    if (fileName == null && type.match("message/rfc822")) {
      fileName = "attached-message.eml";
    }
    PartContent read = PartContent.read(part, maxAttachmentBytes, true);
    String contentId = part instanceof MimePart mime ? safeContentId(mime) : null;
    boolean inline =
        Part.INLINE.equalsIgnoreCase(disposition) || (disposition == null && contentId != null);
    attachments.add(
        new AttachmentData(
            MessageParser.clamp(fileName, MessageParser.MAX_HEADER_VALUE),
            storableType(type),
            MessageParser.clamp(contentId, MessageParser.MAX_HEADER_VALUE),
            inline,
            read.size(),
            read.complete() ? read.bytes() : null,
            read.complete()
                ? null
                : "larger than the organisation's maximum attachment size of "
                    + (maxAttachmentBytes / 1024)
                    + " KB",
            read.spooled()));
    if (read.complete() && Tnef.isTnef(storableType(type), fileName)) {
      // Outlook's winmail.dat: its real attachments follow the original (issue 16)
      attachments.addAll(Tnef.unpack(read, maxAttachmentBytes));
    }
  }

  /**
   * The base type when it is a well-formed {@code type/subtype} (RFC 2045 §5.1 tokens) that fits
   * its column, else {@code application/octet-stream}: a type cut short or full of odd characters
   * is not one a download can be served with.
   */
  static String storableType(ContentType type) {
    String base = type.getBaseType();
    if (base != null) {
      base = base.toLowerCase(Locale.ROOT);
      if (base.length() <= MessageParser.MAX_CONTENT_TYPE && MEDIA_TYPE.matcher(base).matches()) {
        return base;
      }
    }
    return OCTET_STREAM;
  }

  private static String safeContentId(MimePart part) {
    try {
      return part.getContentID();
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }

  private static ContentType contentTypeOf(Part part) {
    try {
      String value = part.getContentType();
      return new ContentType(value == null ? "text/plain" : value);
    } catch (MessagingException | RuntimeException unreadable) {
      try {
        return new ContentType("application/octet-stream");
      } catch (ParseException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  private static String dispositionOf(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }

  private static String fileNameOf(Part part) {
    try {
      String name = FileNames.readable(part.getFileName());
      return name == null || name.isBlank() ? null : name.strip();
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }
}
