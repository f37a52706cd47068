package org.syncpost.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerTypeTest {

  @ParameterizedTest(name = "{0} can become {1}: {2}")
  @CsvSource({
    "IMAP_SMTP, IMAP_SMTP, true",
    "IMAP_SMTP, POP3_SMTP, true",
    "POP3_SMTP, POP3_SMTP, true",
    "POP3_SMTP, IMAP_SMTP, false"
  })
  void onlyPop3ToImapIsRefused(ServerType from, ServerType to, boolean allowed) {
    assertThat(from.canBecome(to)).isEqualTo(allowed);
  }
}
