package org.syncpost.email.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnhancedStatusCodeTest {

  @ParameterizedTest
  @CsvSource({
    "5.1.1, the address does not exist",
    "4.2.2, the recipient's mailbox is full",
    "5.7.1, the recipient's mail server refused the message (policy)",
    "5.1.99, the address was refused",
    "5.9.9, the mail system gave no reason",
    "2.0.0, delivered"
  })
  void aStatusCodeIsSaidInWords(String code, String words) {
    assertThat(EnhancedStatusCode.meaning(code)).isEqualTo(words);
  }

  @Test
  void whatIsNoStatusCodeHasNoMeaning() {
    assertThat(new String[] {EnhancedStatusCode.meaning("550"), EnhancedStatusCode.meaning(null)})
        .containsOnlyNulls();
  }
}
