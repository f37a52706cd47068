package org.syncpost.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** Computed independently: printf '1733547600.{"id":"1"}' | openssl dgst -sha256 -hmac secret */
  @Test
  void theSignatureIsHmacSha256OfTimestampDotBodyInHex() {
    assertThat(WebhookSignature.of("secret", 1733547600, "{\"id\":\"1\"}"))
        .isEqualTo("v1=" + EXPECTED);
  }

  @Test
  void anotherTimestampSignsDifferently() {
    assertThat(WebhookSignature.of("secret", 1733547601, "{\"id\":\"1\"}"))
        .isNotEqualTo(WebhookSignature.of("secret", 1733547600, "{\"id\":\"1\"}"));
  }

  private static final String EXPECTED =
      "f0d3994c90ce9efb857a2ffe5e4e7e52963d9706835b41acc6b486d2553a75d9";
}
