package org.syncpost.email.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Attachment names as their sender meant them, and storable. */
final class FileNames {

  private FileNames() {}

  /**
   * {@code name} with raw UTF-8 read as UTF-8 and control characters left out. Angus Mail reads the
   * headers of body parts as ISO-8859-1 whatever {@code mail.mime.allowutf8} says, so a raw UTF-8
   * name (RFC 6532) arrives as mojibake: when every character is a byte and those bytes are valid
   * UTF-8 with some non-ASCII, the UTF-8 reading is what was sent. NUL and other controls cannot be
   * in a file name on any system (and PostgreSQL refuses NUL in text).
   */
  static String readable(String name) {
    if (name == null) {
      return null;
    }
    String decoded = utf8ReadAsLatin1(name);
    StringBuilder kept = new StringBuilder(decoded.length());
    decoded.codePoints().filter(c -> !Character.isISOControl(c)).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static String utf8ReadAsLatin1(String name) {
    boolean nonAscii = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c > 0xff) {
        return name;
      }
      nonAscii |= c > 0x7f;
    }
    if (!nonAscii) {
      return name;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return name;
    }
  }
}
