package org.syncpost.email.control;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncpost.email.entity.UnparseableMessage;

/**
 * Reads a message's headers leniently: the subject (RFC 2047), addresses (kept as written when
 * unparseable), Message-ID and threading ids, the sent date, and whether it was sent automatically.
 */
final class HeaderReader {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Set<String> AUTOMATIC_PRECEDENCE =
      Set.of("bulk", "junk", "list", "auto_reply", "auto-reply");

  private static final Instant EARLIEST_SENT = Instant.parse("1000-01-01T00:00:00Z");
  private static final Instant LATEST_SENT = Instant.parse("9999-01-01T00:00:00Z");

  private HeaderReader() {}

  /**
   * Auto-replies, bulk and list mail, and loops: RFC 3834 {@code Auto-Submitted} other than {@code
   * no}, {@code Precedence: bulk/junk/list/auto_reply}, {@code X-Loop}, Microsoft's {@code
   * X-Auto-Response-Suppress} and {@code X-Autoreply}, and an empty {@code Return-Path} (a bounce,
   * RFC 5321 §4.5.5).
   */
  static boolean isAutoSubmitted(MimeMessage message) throws MessagingException {
    String autoSubmitted = header(message, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    String precedence = header(message, "Precedence");
    if (precedence != null
        && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (header(message, "X-Loop") != null || header(message, "X-Autoreply") != null) {
      return true;
    }
    String suppress = header(message, "X-Auto-Response-Suppress");
    if (suppress != null && !suppress.isBlank()) {
      return true;
    }
    String returnPath = header(message, "Return-Path");
    return returnPath != null && returnPath.replaceAll("\\s", "").equals("<>");
  }

  static void requireSomeHeader(MimeMessage message) throws MessagingException {
    for (String name : List.of("From", "To", "Subject", "Date", "Message-ID", "Content-Type")) {
      if (message.getHeader(name) != null) {
        return;
      }
    }
    throw new UnparseableMessage(
        "the message has none of the headers an email has (From, To, Subject, Date, Message-ID)");
  }

  static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException | RuntimeException unreadable) {
      return unfoldedHeader(message, "Subject");
    }
  }

  static List<String> addresses(MimeMessage message, String name) {
    String value = unfoldedHeader(message, name);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    try {
      InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
      List<String> result = new ArrayList<>();
      for (Address address : parsed) {
        String text =
            address instanceof InternetAddress internet
                ? internet.toUnicodeString()
                : address.toString();
        result.add(
            MessageParser.clamp(
                text.replace("\n", " ").replace("\r", ""), MessageParser.MAX_HEADER_VALUE));
      }
      return result;
    } catch (MessagingException | RuntimeException unreadable) {
      // kept as written: an address nobody can parse is still worth showing
      return List.of(MessageParser.clamp(decoded(value), MessageParser.MAX_HEADER_VALUE));
    }
  }

  private static String unfoldedHeader(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, ", ");
      return value == null ? null : MimeUtility.unfold(value);
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }

  private static String decoded(String value) {
    try {
      return MimeUtility.decodeText(value);
    } catch (IOException | RuntimeException undecodable) {
      return value;
    }
  }

  static String header(MimeMessage message, String name) throws MessagingException {
    String value = message.getHeader(name, " ");
    return value == null ? null : MimeUtility.unfold(value).strip();
  }

  static String firstId(String value) {
    if (value == null) {
      return null;
    }
    Matcher id = MESSAGE_ID.matcher(value);
    if (id.find()) {
      return id.group();
    }
    // some mailers leave out the angle brackets
    String bare = value.strip();
    return bare.isEmpty() || bare.contains(" ") ? null : "<" + bare + ">";
  }

  static List<String> ids(String value) {
    if (value == null) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    Matcher id = MESSAGE_ID.matcher(value);
    while (id.find()) {
      if (id.group().length() <= MessageParser.MAX_HEADER_VALUE) {
        found.add(id.group());
      }
    }
    return found;
  }

  /**
   * The {@code Date} header, when it is readable and within years 1000 to 9999: a date outside them
   * is a forgery or a typo, and not every database can hold it.
   */
  static Instant sentOn(MimeMessage message) {
    try {
      java.util.Date date = message.getSentDate();
      if (date == null) {
        return null;
      }
      Instant sent = date.toInstant();
      return sent.isBefore(EARLIEST_SENT) || !sent.isBefore(LATEST_SENT) ? null : sent;
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }

  static String firstOrNull(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }
}
