package org.syncpost.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A deterministic stream of everyday mail for benchmarks: 40 % plain text (a third of it
 * non-ASCII), 30 % text and HTML alternatives in UTF-8, 20 % with one or two binary attachments
 * (20–80 KB), 10 % HTML with an inline image; RFC 2047 subjects and names, about 20 KB on average.
 */
final class RealisticMessages implements Iterator<byte[]> {

  private static final String[] WORDS = {
    "invoice", "meeting", "Grüße", "délai", "project", "schedule", "réunion", "contract", "Größe",
    "shipment", "número", "customer", "Zürich", "quarterly", "señor", "support", "ticket", "über"
  };
  private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final Random random = new Random(42);
  private final int count;
  private final String to;
  private int made;

  RealisticMessages(int count, String to) {
    this.count = count;
    this.to = to;
  }

  @Override
  public boolean hasNext() {
    return made < count;
  }

  @Override
  public byte[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int kind = random.nextInt(10);
    int n = made++;
    String headers =
        "From: "
            + encoded("Sender " + WORDS[random.nextInt(WORDS.length)])
            + " <sender"
            + random.nextInt(500)
            + "@example.org>\r\nTo: "
            + to
            + "\r\nSubject: "
            + encoded("Re: " + sentence(6) + " #" + n)
            + "\r\nDate: "
            + DATE.format(ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, ZoneOffset.UTC).plusSeconds(n))
            + "\r\nMessage-ID: <bench-"
            + n
            + "-"
            + random.nextInt(1_000_000)
            + "@example.org>\r\nMIME-Version: 1.0\r\n";
    String body;
    if (kind < 4) {
      body = plain(1000 + random.nextInt(7000));
    } else if (kind < 7) {
      body = alternative(2000 + random.nextInt(10000));
    } else if (kind < 9) {
      body = withAttachments(1 + random.nextInt(2));
    } else {
      body = withInlineImage();
    }
    return (headers + body).getBytes(StandardCharsets.US_ASCII);
  }

  private String plain(int length) {
    String text = paragraph(length);
    return "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64(text.getBytes(StandardCharsets.UTF_8));
  }

  private String alternative(int length) {
    String text = paragraph(length);
    String boundary = "alt-" + random.nextInt(1_000_000);
    return "Content-Type: multipart/alternative; boundary=\""
        + boundary
        + "\"\r\n\r\n--"
        + boundary
        + "\r\n"
        + plain(length)
        + "\r\n--"
        + boundary
        + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64(("<html><body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8))
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  private String withAttachments(int attachments) {
    String boundary = "mixed-" + random.nextInt(1_000_000);
    StringBuilder body =
        new StringBuilder(
            "Content-Type: multipart/mixed; boundary=\""
                + boundary
                + "\"\r\n\r\n--"
                + boundary
                + "\r\n"
                + plain(500 + random.nextInt(2000)));
    for (int i = 0; i < attachments; i++) {
      byte[] content = new byte[20_000 + random.nextInt(60_000)];
      random.nextBytes(content);
      body.append("\r\n--")
          .append(boundary)
          .append("\r\nContent-Type: application/pdf; name=\"")
          .append(encoded("Rechnung-" + i + "-über.pdf"))
          .append("\"\r\nContent-Disposition: attachment; filename=\"document-")
          .append(i)
          .append(".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
          .append(base64(content));
    }
    return body.append("\r\n--").append(boundary).append("--\r\n").toString();
  }

  private String withInlineImage() {
    String boundary = "rel-" + random.nextInt(1_000_000);
    byte[] image = new byte[5_000 + random.nextInt(20_000)];
    random.nextBytes(image);
    return "Content-Type: multipart/related; boundary=\""
        + boundary
        + "\"\r\n\r\n--"
        + boundary
        + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64(
            ("<html><body><img src=\"cid:logo@example.org\"><p>"
                    + paragraph(1500)
                    + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8))
        + "\r\n--"
        + boundary
        + "\r\nContent-Type: image/png\r\nContent-ID: <logo@example.org>\r\n"
        + "Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64(image)
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  private String paragraph(int length) {
    StringBuilder text = new StringBuilder(length + 20);
    while (text.length() < length) {
      text.append(sentence(8 + random.nextInt(10))).append(". ");
    }
    return text.toString();
  }

  private String sentence(int words) {
    StringBuilder sentence = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sentence.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sentence.toString();
  }

  private static String encoded(String text) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  static String base64(byte[] bytes) {
    return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(bytes)
        + "\r\n";
  }
}
