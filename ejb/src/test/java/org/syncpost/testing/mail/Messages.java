package org.syncpost.testing.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * Simple RFC 5322 messages for {@link Dovecot#deliver}: one plain-text part, CRLF line ends,
 * non-ASCII text encoded (RFC 2047 for the subject, base64 for the body) so the message is 7-bit
 * clean and passes any server unchanged.
 */
public final class Messages {

  /** The Date of every message unless one is given, so tests do not depend on today's date. */
  public static final ZonedDateTime DEFAULT_DATE =
      ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, ZoneOffset.UTC);

  private Messages() {}

  public static byte[] plainText(String from, String to, String subject, String body) {
    return plainText(from, to, subject, body, DEFAULT_DATE);
  }

  /** With a random Message-ID, so that each message can be told apart. */
  public static byte[] plainText(
      String from, String to, String subject, String body, ZonedDateTime date) {
    return plainText(
        from, to, subject, body, date, "<" + UUID.randomUUID() + "@" + MailUser.DOMAIN + ">");
  }

  public static byte[] plainText(
      String from, String to, String subject, String body, ZonedDateTime date, String messageId) {
    boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(body);
    String message =
        "From: "
            + from
            + "\r\nTo: "
            + to
            + "\r\nSubject: "
            + encodedWord(subject)
            + "\r\nDate: "
            + DateTimeFormatter.RFC_1123_DATE_TIME.format(date)
            + "\r\nMessage-ID: "
            + messageId
            + "\r\nMIME-Version: 1.0"
            + "\r\nContent-Type: text/plain; charset="
            + (ascii ? "us-ascii" : "UTF-8")
            + "\r\nContent-Transfer-Encoding: "
            + (ascii ? "7bit" : "base64")
            + "\r\n\r\n"
            + (ascii ? crlf(body) : base64Lines(crlf(body)));
    return message.getBytes(StandardCharsets.US_ASCII);
  }

  private static String encodedWord(String text) {
    if (StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      return text;
    }
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  private static String crlf(String text) {
    String lines = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    return lines.endsWith("\r\n") ? lines : lines + "\r\n";
  }

  private static String base64Lines(String text) {
    return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'})
            .encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "\r\n";
  }
}
