package org.syncpost.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.syncpost.api.entity.MalformedBody;

class JsonBodyTest {

  private final JsonBody body = JsonBody.limitedTo(1000, 4);

  @Test
  void readsOneObject() throws IOException {
    assertThat(read(" {\"a\": [1, {\"b\": true}]} \n").getJsonArray("a")).hasSize(2);
  }

  @Test
  void refusesAnEmptyBody() {
    assertRefused("  ", "empty-body");
    assertRefused("", "empty-body");
  }

  @Test
  void refusesEveryOtherJsonValueThanAnObject() {
    for (String value : new String[] {"null", "[]", "\"x\"", "1", "true"}) {
      assertRefused(value, "not-an-object");
    }
  }

  @Test
  void refusesDataAfterTheObject() {
    assertRefused("{\"a\":1} garbage", "trailing-data");
    assertRefused("{\"a\":1}{\"a\":2}", "trailing-data");
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    assertRefused("{\"a\":[[[[1]]]]}", "too-deep");
    String thousandsDeep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThatThrownBy(
            () ->
                JsonBody.limitedTo(1_000_000, 32)
                    .read(new ByteArrayInputStream(thousandsDeep.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            MalformedBody.class, e -> assertThat(e.kind()).isEqualTo("too-deep"));
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] latin1 = "{\"name\":\"Jürgen\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> body.read(new ByteArrayInputStream(latin1)))
        .isInstanceOfSatisfying(
            MalformedBody.class, e -> assertThat(e.kind()).isEqualTo("invalid-utf-8"));
  }

  @Test
  void refusesABodyLargerThanTheLimitAsTooLarge() {
    assertThatThrownBy(() -> read("{\"a\":\"" + "x".repeat(1000) + "\"}"))
        .isInstanceOfSatisfying(MalformedBody.class, e -> assertThat(e.isTooLarge()).isTrue());
  }

  @Test
  void refusesWhatIsNotJson() {
    assertRefused("{\"a\":", "malformed-json");
    assertRefused("<xml/>", "malformed-json");
  }

  private jakarta.json.JsonObject read(String text) throws IOException {
    return body.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private void assertRefused(String text, String kind) {
    assertThatThrownBy(() -> read(text))
        .as(text.length() > 40 ? text.substring(0, 40) : text)
        .isInstanceOfSatisfying(MalformedBody.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
