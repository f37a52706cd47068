package org.syncpost.email.entity;

import java.util.List;

/**
 * Text as a database text column can hold it. PostgreSQL refuses U+0000 in {@code text} and {@code
 * varchar} ("invalid byte sequence for encoding UTF8: 0x00"), and a sender may put one in a
 * subject, a name, a body or an attachment name (encoded, so it survives every mail server). Stored
 * as it came, such a message would fail its transaction on every try: it would neither become a
 * record nor leave the mailbox's backlog. U+0000 becomes U+FFFD, the Unicode replacement character
 * for what cannot be represented (Unicode 15, section 23.8); content kept as bytes (attachments)
 * stays as it came.
 */
public final class StorableText {

  /** What a NUL becomes. */
  public static final char REPLACEMENT = '\uFFFD';

  private StorableText() {}

  /** {@code text} without U+0000; {@code null} stays {@code null}. */
  public static String of(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', REPLACEMENT);
  }

  /** Each element as {@link #of(String)}; {@code null} stays {@code null}. */
  public static List<String> of(List<String> texts) {
    return texts == null || texts.stream().noneMatch(t -> t != null && t.indexOf('\0') >= 0)
        ? texts
        : texts.stream().map(StorableText::of).toList();
  }
}
