package org.syncpost.email.boundary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InlineImagesTest {

  private static final Map<String, String> OWN_PARTS =
      Map.of("logo@example.org", "data:image/png;base64,iVBORw0KGgo=");

  private static Optional<String> own(String contentId) {
    return Optional.ofNullable(OWN_PARTS.get(InlineImages.normalized(contentId)));
  }

  @Test
  void aCidImageOfTheRecordBecomesItsDataUrl() {
    // the sanitiser writes '@' as an entity
    String html = "<p><img src=\"cid:logo&#64;example.org\" alt=\"Logo\" /></p>";

    assertThat(InlineImages.resolve(html, InlineImagesTest::own))
        .isEqualTo("<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Logo\" /></p>");
  }

  @Test
  void aCidTheRecordDoesNotHaveStaysUnresolved() {
    String html = "<img src=\"cid:someone-elses@example.org\" />";

    assertThat(InlineImages.resolve(html, InlineImagesTest::own)).isEqualTo(html);
  }

  @Test
  void contentIdsAreComparedWithoutAngleBracketsAndPercentEscapes() {
    assertThat(InlineImages.normalized("<Logo@Example.org>")).isEqualTo("logo@example.org");
    assertThat(InlineImages.contentId("part1%2E06%40example.org"))
        .isEqualTo("part1.06@example.org");
  }

  @Test
  void onlyRasterImagesOfAtMostFiveMegabytesAreShown() {
    assertThat(InlineImages.shown("image/png", 1000)).isTrue();
    assertThat(InlineImages.shown("IMAGE/JPEG; name=a.jpg", 1000)).isTrue();
    assertThat(InlineImages.shown("image/svg+xml", 1000)).isFalse();
    assertThat(InlineImages.shown("text/html", 10)).isFalse();
    assertThat(InlineImages.shown("image/png", InlineImages.MOST_BYTES + 1)).isFalse();
  }
}
