package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolTraceTest {

  private static final String PASSWORD = "correct-horse-battery";

  @Test
  void imapLoginKeepsTheTagAndCommandOnly() {
    assertThat(ProtocolTrace.redact("A1 LOGIN alice " + PASSWORD, PASSWORD))
        .isEqualTo("A1 LOGIN <redacted>");
  }

  @Test
  void smtpAuthWithAnInitialResponseIsRedacted() {
    assertThat(ProtocolTrace.redact("AUTH PLAIN AGFsaWNlAGNvcnJlY3QtaG9yc2U=", PASSWORD))
        .isEqualTo("AUTH <redacted>");
  }

  @Test
  void pop3PassIsRedacted() {
    assertThat(ProtocolTrace.redact("PASS " + PASSWORD, null)).isEqualTo("PASS <redacted>");
  }

  @Test
  void aSaslResponseAloneOnItsLineIsRedacted() {
    assertThat(ProtocolTrace.redact("AGFsaWNlAGNvcnJlY3QtaG9yc2UtYmF0dGVyeQ==", PASSWORD))
        .isEqualTo("<redacted>");
  }

  @Test
  void thePasswordIsTakenOutWhereverItAppears() {
    assertThat(ProtocolTrace.redact("* BYE " + PASSWORD + " was wrong", PASSWORD))
        .isEqualTo("* BYE <redacted> was wrong");
  }

  @Test
  void ordinaryProtocolLinesAndAdvertisedMechanismsStay() {
    assertThat(ProtocolTrace.redact("250-AUTH PLAIN LOGIN", PASSWORD))
        .isEqualTo("250-AUTH PLAIN LOGIN");
    assertThat(ProtocolTrace.redact("A3 UID FETCH 1:5 (RFC822.SIZE)", PASSWORD))
        .isEqualTo("A3 UID FETCH 1:5 (RFC822.SIZE)");
  }
}
