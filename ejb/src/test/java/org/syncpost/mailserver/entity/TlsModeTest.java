package org.syncpost.mailserver.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsModeTest {

  @ParameterizedTest(name = "{0} port {1}, use SSL {2}: {3}")
  @CsvSource({
    "IMAP, 993, true, IMPLICIT",
    "IMAP, 143, true, STARTTLS_REQUIRED",
    "IMAP, 143, false, STARTTLS_IF_OFFERED",
    "POP3, 995, true, IMPLICIT",
    "POP3, 110, true, STARTTLS_REQUIRED",
    "SMTP, 465, true, IMPLICIT",
    "SMTP, 587, true, STARTTLS_REQUIRED",
    "SMTP, 587, false, STARTTLS_IF_OFFERED",
    "IMAP, 10993, true, IMPLICIT",
    "SMTP, 2525, false, STARTTLS_IF_OFFERED"
  })
  void useSslMeansStartTlsOnTheStartTlsPortAndImplicitTlsElsewhere(
      MailProtocol protocol, int port, boolean useSsl, TlsMode expected) {
    assertThat(TlsMode.of(protocol, port, useSsl)).isEqualTo(expected);
  }
}
