package org.syncpost.email.control;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes a text part's bytes whatever charset it declares, or wrongly declares. */
final class TextDecoder {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  /**
   * Text in its declared charset when that decodes cleanly, else UTF-8, else windows-1252 (which
   * decodes any byte): mailers often declare us-ascii or nothing and send UTF-8 or Latin-1.
   */
  static String decodeText(byte[] bytes, String declaredCharset) {
    if (declaredCharset != null) {
      try {
        // Java's own name first: MimeUtility maps us-ascii to ISO-8859-1, which decodes any byte
        String name = declaredCharset.strip().replace("\"", "");
        Charset declared =
            Charset.isSupported(name)
                ? Charset.forName(name)
                : Charset.forName(MimeUtility.javaCharset(name));
        String text = strictly(bytes, declared);
        if (text != null) {
          return text;
        }
      } catch (IllegalArgumentException unknownCharset) {
        // falls back below
      }
    }
    String utf8 = strictly(bytes, StandardCharsets.UTF_8);
    return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
  }

  private static String strictly(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException | UnsupportedOperationException notThisCharset) {
      return null;
    }
  }
}
