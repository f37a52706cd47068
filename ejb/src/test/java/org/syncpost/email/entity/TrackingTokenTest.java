package org.syncpost.email.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingTokenTest {

  @Test
  void aGeneratedTokenIsFoundAgainInTheSubjectItWasAppendedTo() {
    TrackingToken token = TrackingToken.generate(new SecureRandom());

    String subject = token.appendTo("RE: Your order", "SP");

    assertThat(TrackingToken.findIn("Re: " + subject, "SP")).contains(token);
  }

  @Test
  void theMarkerIsPrefixColonTokenInBrackets() {
    assertThat(new TrackingToken("ABC123").appendTo("Hello", "CRM-1"))
        .isEqualTo("Hello [CRM-1:ABC123]");
  }

  @Test
  void theLastTokenWithThePrefixWinsAndOtherPrefixesAreIgnored() {
    assertThat(TrackingToken.findIn("Re: [SP:AAA] Fwd: [XX:BBB] [sp:ccc]", "SP"))
        .contains(new TrackingToken("CCC"));
  }

  @Test
  void aSubjectWithoutTokenHasNone() {
    assertThat(TrackingToken.findIn("Re: [SP] nothing [SP:] here", "SP"))
        .isEqualTo(Optional.empty());
  }
}
