package org.syncpost.email.entity;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes two messages in two mailboxes the same delivery, so that they may share one email
 * record: the same full Message-ID <em>and</em> the same content. The content is the message
 * without the trace headers each delivery adds for its own recipient ({@code Received}, {@code
 * Delivered-To}, {@code Return-Path}, {@code X-Original-To} and the like); everything the sender
 * wrote counts. A sender chooses the Message-ID, so the ID alone proves nothing (issue 13: a
 * stranger reusing it must not join somebody else's record).
 *
 * <p>The key is SHA-256 over the digest of the whole Message-ID and the content digest: IDs of any
 * length compare whole, while the stored text of the ID stays as received. A message without a
 * well-formed Message-ID ({@code <local@domain>}: none, {@code <>}, {@code <@>}, no {@code @},
 * white space, several of them) has no key and never shares a record.
 */
public final class DeliveryKey {

  /** Header fields a mail system adds per delivery (RFC 5321 §4.4, common MTA/MDA practice). */
  static final Set<String> TRACE_HEADERS =
      Set.of(
          "received",
          "return-path",
          "delivered-to",
          "x-original-to",
          "x-delivered-to",
          "x-envelope-to",
          "envelope-to",
          "x-rcpt-to",
          "x-original-delivered-to",
          "x-orig-to",
          "x-envelope-from",
          "x-uidl",
          "status",
          "x-status",
          "x-keywords",
          "x-uid",
          "content-length",
          "lines");

  private static final Pattern WELL_FORMED_ID = Pattern.compile("<[^<>@\\s]+@[^<>@\\s]+>");

  private DeliveryKey() {}

  /** The key of {@code raw}, or empty when the message has no well-formed Message-ID. */
  public static Optional<String> of(byte[] raw) {
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return of(new ByteArrayInputStream(raw));
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  /** {@link #of(byte[])} of a message in a file, read as a stream. */
  public static Optional<String> of(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return of(in);
    }
  }

  /** Whether {@code messageId} (the header's whole value) may identify a delivery. */
  public static boolean isWellFormed(String messageId) {
    return messageId != null && WELL_FORMED_ID.matcher(messageId.strip()).matches();
  }

  private static Optional<String> of(InputStream in) throws IOException {
    MessageDigest content = sha256();
    String messageId = null;
    int messageIds = 0;
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    byte[] line;
    boolean inHeader = true;
    while (inHeader && (line = readLine(in)) != null) {
      boolean continuation = line.length > 0 && (line[0] == ' ' || line[0] == '\t');
      if (continuation && field.size() > 0) {
        field.write(line);
        continue;
      }
      if (field.size() > 0) {
        String id = consume(field.toByteArray(), content);
        if (id != null) {
          messageIds++;
          messageId = id;
        }
        field.reset();
      }
      if (isBlank(line)) {
        content.update(line);
        inHeader = false;
      } else {
        field.write(line);
      }
    }
    if (field.size() > 0) {
      String id = consume(field.toByteArray(), content);
      if (id != null) {
        messageIds++;
        messageId = id;
      }
    }
    byte[] buffer = new byte[1 << 16];
    for (int read; (read = in.read(buffer)) > 0; ) {
      content.update(buffer, 0, read);
    }
    if (messageIds != 1 || !isWellFormed(messageId)) {
      return Optional.empty();
    }
    MessageDigest key = sha256();
    key.update("delivery-v1\n".getBytes(StandardCharsets.US_ASCII));
    key.update(sha256().digest(messageId.strip().getBytes(StandardCharsets.UTF_8)));
    key.update(content.digest());
    return Optional.of(HexFormat.of().formatHex(key.digest()));
  }

  /**
   * Adds one unfolded header field to the content unless it is trace; its value if a Message-ID.
   */
  private static String consume(byte[] field, MessageDigest content) {
    String text = new String(field, StandardCharsets.UTF_8);
    int colon = text.indexOf(':');
    String name = colon < 0 ? "" : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    if (!TRACE_HEADERS.contains(name)) {
      content.update(field);
    }
    if (!name.equals("message-id")) {
      return null;
    }
    return text.substring(colon + 1).replaceAll("\r?\n", "").strip();
  }

  /** One line with its line ending, or {@code null} at the end. */
  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.size() == 0 && b < 0 ? null : line.toByteArray();
  }

  private static boolean isBlank(byte[] line) {
    return line.length == 0
        || (line.length == 1 && line[0] == '\n')
        || (line.length == 2 && line[0] == '\r' && line[1] == '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }
}
