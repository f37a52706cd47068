package org.syncpost.email.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.syncpost.email.entity.SanitizedHtml;

class HtmlSanitizerTest {

  private static final String HOSTILE =
      "<p style=\"color: #123456\">Hello <b>there</b></p>"
          + "<script>document.title = 'script ran'</script>"
          + "<img src=\"cid:missing\" onerror=\"document.title = 'handler ran'\">"
          + "<img src=\"https://tracker.example/pixel.png\" alt=\"pixel\">"
          + "<a href=\"javascript:alert(1)\">bad link</a>"
          + "<a href=\"https://example.org/\">good link</a>"
          + "<div style=\"background: url(https://tracker.example/bg.png)\">bg</div>"
          + "<iframe src=\"https://example.org/\"></iframe><form action=\"/x\"><input></form>";

  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  @Test
  void scriptsHandlersAndScriptUrlsAreRemoved() {
    String html = sanitizer.sanitize(HOSTILE, false).html();

    assertThat(html)
        .doesNotContainIgnoringCase("script")
        .doesNotContainIgnoringCase("onerror")
        .doesNotContainIgnoringCase("iframe")
        .doesNotContainIgnoringCase("<form")
        .contains("<b>there</b>", "href=\"https://example.org/\"", "color:#123456");
  }

  @Test
  void remoteImagesAreBlockedAndCountedUntilAskedFor() {
    SanitizedHtml blocked = sanitizer.sanitize(HOSTILE, false);
    SanitizedHtml allowed = sanitizer.sanitize(HOSTILE, true);

    assertThat(blocked.html()).doesNotContain("tracker.example");
    assertThat(blocked.remoteImagesBlocked()).isEqualTo(1);
    assertThat(allowed.html()).contains("src=\"https://tracker.example/pixel.png\"");
    assertThat(allowed.remoteImagesBlocked()).isZero();
  }

  @Test
  void cssNeverLoadsAnythingEvenWithRemoteImagesAllowed() {
    assertThat(sanitizer.sanitize(HOSTILE, true).html()).doesNotContain("bg.png");
  }

  @Test
  void imagesOfTheMessageItselfStay() {
    String html =
        sanitizer
            .sanitize(
                "<img src=\"cid:logo@x\"><img src=\"data:image/png;base64,iVBORw0KGgo=\">", false)
            .html();

    assertThat(html)
        .contains("src=\"cid:logo&#64;x\"", "src=\"data:image/png;base64,iVBORw0KGgo&#61;\"");
  }

  @Test
  void relativeUrlsThatWouldPointAtSyncPostAreDropped() {
    String html =
        sanitizer
            .sanitize("<a href=\"/api/v1/emails\">api</a><img src=\"/admin/index.xhtml\">", true)
            .html();

    assertThat(html).doesNotContain("/api/v1").doesNotContain("/admin");
  }

  @Test
  void anEmailWithoutHtmlHasAnEmptyBody() {
    assertThat(sanitizer.sanitize(null, false)).isEqualTo(SanitizedHtml.EMPTY);
  }
}
