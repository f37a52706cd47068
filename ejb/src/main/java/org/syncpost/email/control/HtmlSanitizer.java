package org.syncpost.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.syncpost.email.entity.SanitizedHtml;

/**
 * Makes the HTML of a received email safe to show in the admin UI, with the OWASP Java HTML
 * Sanitizer: formatting, tables, images and links stay; scripts, event handlers, forms, frames,
 * objects and CSS that loads anything ({@code url()}) go. Images come only from the message itself
 * ({@code cid:}, {@code data:image/}) unless the person asks for remote images: a remote image
 * tells the sender when and where the mail was read. Relative URLs are dropped, because in the
 * admin UI they would point at SyncPost itself.
 *
 * <p>The UI shows the result in a sandboxed frame under a strict Content-Security-Policy as well,
 * so that a gap in this policy still runs nothing (defence in depth).
 */
@ApplicationScoped
public class HtmlSanitizer {

  private static final String[] TEXT_ELEMENTS = {
    "a",
    "abbr",
    "address",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
    "var"
  };

  private static final String[] LAYOUT_ATTRIBUTES = {
    "align", "valign", "width", "height", "bgcolor", "border", "cellpadding", "cellspacing",
    "colspan", "rowspan", "dir", "lang", "title", "color", "face", "size"
  };

  private static final AttributePolicy LINK_TARGET =
      (element, attribute, value) -> {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://")
                || lower.startsWith("https://")
                || lower.startsWith("mailto:")
            ? value.strip()
            : null;
      };

  /** {@code html} made safe; {@code remoteImages} lets images from other servers load. */
  public SanitizedHtml sanitize(String html, boolean remoteImages) {
    if (html == null || html.isBlank()) {
      return SanitizedHtml.EMPTY;
    }
    AtomicInteger blocked = new AtomicInteger();
    String safe = policy(imageSource(remoteImages, blocked)).sanitize(html);
    return new SanitizedHtml(safe, blocked.get());
  }

  private static AttributePolicy imageSource(boolean remoteImages, AtomicInteger blocked) {
    return (element, attribute, value) -> {
      String url = value.strip();
      String lower = url.toLowerCase(Locale.ROOT);
      if (lower.startsWith("cid:") || lower.startsWith("data:image/")) {
        return url;
      }
      boolean remote =
          lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
      if (!remote) {
        return null;
      }
      if (!remoteImages) {
        blocked.incrementAndGet();
        return null;
      }
      return lower.startsWith("//") ? "https:" + url : url;
    };
  }

  /**
   * Built per call: the image policy counts what it blocked for this body only. Building takes well
   * under a millisecond, and bodies are shown one at a time.
   */
  private static PolicyFactory policy(AttributePolicy imageSource) {
    return new HtmlPolicyBuilder()
        .allowElements(TEXT_ELEMENTS)
        .allowUrlProtocols("http", "https", "mailto", "cid", "data")
        .allowAttributes("href")
        .matching(LINK_TARGET)
        .onElements("a")
        .requireRelsOnLinks("noopener", "noreferrer")
        .allowAttributes("src")
        .matching(imageSource)
        .onElements("img")
        .allowAttributes("alt")
        .onElements("img")
        .allowAttributes(LAYOUT_ATTRIBUTES)
        .globally()
        // CssSchema.DEFAULT: colours, fonts, spacing, borders; no url(), no positioning tricks
        .allowStyling()
        .toFactory();
  }
}
