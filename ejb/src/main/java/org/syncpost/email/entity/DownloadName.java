package org.syncpost.email.entity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The file name a download offers for an attachment: the name the sender gave, made safe to save on
 * any system (no directories, control characters, characters Windows refuses, reserved device
 * names, leading dots), and the {@code Content-Disposition} that carries it (RFC 6266 §4.3: an
 * ASCII {@code filename} for old clients, and the UTF-8 name as RFC 8187 {@code filename*}).
 *
 * @param name the safe name, never blank
 */
public record DownloadName(String name) {

  private static final int MAX_LENGTH = 200;
  private static final String UNSAFE = "<>:\"/\\|?*%;";
  private static final Set<String> WINDOWS_DEVICES =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
  private static final String ATTR_CHAR =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~";

  /** The safe form of {@code fileName}, or {@code fallback} when nothing of it is usable. */
  public static DownloadName of(String fileName, String fallback) {
    String name = fileName == null ? "" : lastSegment(fileName);
    StringBuilder safe = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)
                  || UNSAFE.indexOf(c) >= 0
                  || Character.getType(c) == Character.FORMAT
                  || Character.getType(c) == Character.SURROGATE
                  || Character.getType(c) == Character.UNASSIGNED
                  || Character.getType(c) == Character.PRIVATE_USE) {
                safe.append('_');
              } else {
                safe.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
              }
            });
    String trimmed = trim(safe.toString());
    if (trimmed.length() > MAX_LENGTH) {
      trimmed = keepExtension(trimmed);
    }
    if (trimmed.isEmpty() || trimmed.chars().allMatch(c -> c == '_' || c == '.')) {
      return new DownloadName(fallback);
    }
    String stem = trimmed.split("\\.", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (WINDOWS_DEVICES.contains(stem)) {
      trimmed = "_" + trimmed;
    }
    return new DownloadName(trimmed);
  }

  /** {@code attachment; filename="..."; filename*=UTF-8''...}. */
  public String contentDisposition() {
    return "attachment; filename=\"" + asciiName() + "\"; filename*=UTF-8''" + percentEncoded();
  }

  /** The name with every non-ASCII character as {@code _}: for clients without RFC 8187. */
  public String asciiName() {
    StringBuilder ascii = new StringBuilder();
    name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '_'));
    return ascii.toString();
  }

  private String percentEncoded() {
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && ATTR_CHAR.indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return encoded.toString();
  }

  private static String lastSegment(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  /** Without leading dots and blanks (hidden files) and trailing dots and blanks (Windows). */
  private static String trim(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
      start++;
    }
    while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
      end--;
    }
    return name.substring(start, end);
  }

  private static String keepExtension(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    int cut = MAX_LENGTH - extension.length();
    if (Character.isLowSurrogate(name.charAt(cut))) {
      cut--; // not half a character
    }
    return trim(name.substring(0, cut) + extension);
  }
}
