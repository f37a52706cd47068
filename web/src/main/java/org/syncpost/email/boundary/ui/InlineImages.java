package org.syncpost.email.boundary.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the images an HTML email carries as its own parts ({@code <img src="cid:…">}, RFC 2392) into
 * its sanitised body as {@code data:} URLs. The body is shown in a sandboxed frame of an opaque
 * origin: it cannot ask the server for {@code cid:} (no browser resolves it) nor for the attachment
 * download (the session cookie, SameSite=Lax, is not sent from that origin), and its
 * Content-Security-Policy loads nothing but {@code data:} images. Only raster images of the same
 * record are looked up, so a body can never show another email's (or mailbox's) attachment.
 */
final class InlineImages {

  /** Larger images stay a broken image: the body is one document, held in memory once. */
  static final long MOST_BYTES = 5L * 1024 * 1024;

  /** Raster types only: an SVG is a document of its own. */
  static final Set<String> SHOWN_TYPES =
      Set.of("image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/bmp");

  /** {@code src="cid:…"} as the sanitiser writes it (double quotes, entities in the value). */
  private static final Pattern CID_SOURCE =
      Pattern.compile("(\\ssrc=\")cid:([^\"]*)(\")", Pattern.CASE_INSENSITIVE);

  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

  private InlineImages() {}

  /**
   * {@code html} with each {@code cid:} image source that {@code dataUrl} knows replaced by its
   * {@code data:} URL; unknown ones stay as they are.
   *
   * @param dataUrl the {@code data:} URL of the record's part with this content id (without angle
   *     brackets, case as written), or empty
   */
  static String resolve(String html, Function<String, Optional<String>> dataUrl) {
    Matcher m = CID_SOURCE.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String contentId = contentId(m.group(2));
      String replacement =
          dataUrl.apply(contentId).map(url -> m.group(1) + url + m.group(3)).orElse(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The content id a {@code cid:} URL names: entities and %-escapes decoded (RFC 2392). */
  static String contentId(String escaped) {
    Matcher entity = NUMERIC_ENTITY.matcher(escaped.replace("&amp;", "&"));
    StringBuilder decoded = new StringBuilder();
    while (entity.find()) {
      int codePoint = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
      entity.appendReplacement(
          decoded, Matcher.quoteReplacement(new String(Character.toChars(codePoint))));
    }
    entity.appendTail(decoded);
    String text = decoded.toString().replace("+", "%2B");
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEscaped) {
      return decoded.toString();
    }
  }

  /** A part's Content-ID header value as a {@code cid:} URL names it: without angle brackets. */
  static String normalized(String contentIdHeader) {
    String id = contentIdHeader.strip();
    if (id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1);
    }
    return id.toLowerCase(Locale.ROOT);
  }

  static boolean shown(String contentType, long size) {
    return contentType != null
        && SHOWN_TYPES.contains(contentType.toLowerCase(Locale.ROOT).split(";")[0].strip())
        && size <= MOST_BYTES;
  }
}
