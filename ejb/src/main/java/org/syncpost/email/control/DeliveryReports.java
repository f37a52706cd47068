package org.syncpost.email.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.syncpost.email.entity.DeliveryReport;
import org.syncpost.email.entity.DeliveryReport.RecipientOutcome;

/**
 * Reads a delivery status notification (RFC 3464): a {@code multipart/report} with {@code
 * report-type=delivery-status}, whose {@code message/delivery-status} part holds a per-message
 * block and one block per recipient, and whose third part quotes the original ({@code
 * message/rfc822} or {@code text/rfc822-headers}). Anything else is not a report; a report that
 * cannot be read is treated as ordinary mail.
 */
final class DeliveryReports {

  /** More is not a report a mail server wrote. */
  private static final int MAX_STATUS_BYTES = 256 * 1024;

  private static final int MAX_RECIPIENTS = 1000;
  private static final int MAX_FIELD = 1000;

  private DeliveryReports() {}

  static Optional<DeliveryReport> of(Part message) {
    try {
      ContentType type = new ContentType(message.getContentType());
      if (!type.match("multipart/report")
          || !"delivery-status".equalsIgnoreCase(type.getParameter("report-type"))
          || !(message.getContent() instanceof Multipart parts)) {
        return Optional.empty();
      }
      List<RecipientOutcome> recipients = null;
      InternetHeaders original = null;
      for (int i = 0; i < parts.getCount(); i++) {
        Part part = parts.getBodyPart(i);
        if (part.isMimeType("message/delivery-status")
            || part.isMimeType("message/global-delivery-status")) {
          recipients = recipientsOf(part);
        } else if (part.isMimeType("message/rfc822")
            || part.isMimeType("text/rfc822-headers")
            || part.isMimeType("message/global")
            || part.isMimeType("message/global-headers")) {
          try (InputStream in = part.getInputStream()) {
            original = new InternetHeaders(in, true);
          }
        }
      }
      if (recipients == null) {
        return Optional.empty();
      }
      return Optional.of(
          new DeliveryReport(
              original == null ? null : HeaderReader.firstId(headerOf(original, "Message-ID")),
              original == null ? null : decoded(headerOf(original, "Subject")),
              recipients));
    } catch (MessagingException | IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static List<RecipientOutcome> recipientsOf(Part part)
      throws IOException, MessagingException {
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readNBytes(MAX_STATUS_BYTES);
    }
    List<RecipientOutcome> recipients = new ArrayList<>();
    List<Map<String, String>> blocks = blocksOf(new String(bytes, StandardCharsets.UTF_8));
    // the first block is about the message (Reporting-MTA …), the others about one recipient each
    for (Map<String, String> block : blocks.subList(Math.min(1, blocks.size()), blocks.size())) {
      String recipient =
          addressOf(block.getOrDefault("final-recipient", block.get("original-recipient")));
      String action = block.get("action");
      if (recipient == null && action == null) {
        continue;
      }
      recipients.add(
          new RecipientOutcome(
              recipient,
              action == null ? null : action.strip().toLowerCase(Locale.ROOT),
              statusOf(block.get("status")),
              typed(block.get("diagnostic-code"))));
      if (recipients.size() == MAX_RECIPIENTS) {
        break;
      }
    }
    return recipients;
  }

  /** RFC 3464 §2.1: blocks of header-like fields separated by blank lines, names lower-cased. */
  static List<Map<String, String>> blocksOf(String text) {
    List<Map<String, String>> blocks = new ArrayList<>();
    Map<String, String> block = new LinkedHashMap<>();
    String name = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank()) {
        if (!block.isEmpty()) {
          blocks.add(block);
          block = new LinkedHashMap<>();
        }
        name = null;
      } else if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
        block.merge(name, " " + line.strip(), (a, b) -> clamp(a + b));
      } else {
        int colon = line.indexOf(':');
        if (colon > 0) {
          name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
          block.putIfAbsent(name, clamp(line.substring(colon + 1).strip()));
        }
      }
    }
    if (!block.isEmpty()) {
      blocks.add(block);
    }
    return blocks;
  }

  /** {@code rfc822; a@b} → {@code a@b}, lower case. */
  private static String addressOf(String field) {
    String value = typed(field);
    if (value == null) {
      return null;
    }
    value = value.replace("<", "").replace(">", "").strip().toLowerCase(Locale.ROOT);
    return value.isEmpty() ? null : value;
  }

  /** The value after its type ({@code smtp; 550 5.1.1 …} → {@code 550 5.1.1 …}). */
  private static String typed(String field) {
    if (field == null) {
      return null;
    }
    int semicolon = field.indexOf(';');
    String value = semicolon >= 0 ? field.substring(semicolon + 1) : field;
    value = value.strip();
    return value.isEmpty() ? null : value;
  }

  private static String statusOf(String field) {
    if (field == null) {
      return null;
    }
    String value = field.strip();
    int space = value.indexOf(' ');
    return space > 0 ? value.substring(0, space) : value;
  }

  private static String headerOf(InternetHeaders headers, String name) {
    String value = headers.getHeader(name, " ");
    return value == null ? null : MimeUtility.unfold(value).strip();
  }

  private static String decoded(String value) {
    if (value == null) {
      return null;
    }
    try {
      return clamp(MimeUtility.decodeText(value));
    } catch (java.io.UnsupportedEncodingException | RuntimeException unreadable) {
      return clamp(value);
    }
  }

  private static String clamp(String value) {
    return MessageParser.clamp(value, MAX_FIELD);
  }
}
