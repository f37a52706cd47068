package org.syncpost.email.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackingTokenTest {

  @Test
  void aGeneratedTokenCarriesThePrefixAndEightUnambiguousCharacters() {
    TrackingToken token = TrackingToken.generate("SP", new Random(7));

    assertThat(token.value()).matches("\\[SP:[0-9A-HJKMNP-TV-Z]{8}\\]");
  }

  @Test
  void theTokenIsAppendedToTheSubjectOnce() {
    TrackingToken token = new TrackingToken("[SP:7K2M9QXA]");

    String subject = token.appendTo(token.appendTo("Your order"));

    assertThat(subject).isEqualTo("Your order [SP:7K2M9QXA]");
  }

  @Test
  void anEmptySubjectBecomesTheToken() {
    assertThat(new TrackingToken("[SP:7K2M9QXA]").appendTo(null)).isEqualTo("[SP:7K2M9QXA]");
  }

  @Test
  void aReplysSubjectGivesBackTheTokenOfTheOrganisationsPrefix() {
    assertThat(
            TrackingToken.findIn("RE: AW: Your order [CRM:11111111] [SP:7K2M9QXA]", "sp")
                .map(TrackingToken::value))
        .contains("[SP:7K2M9QXA]");
  }

  @Test
  void aSubjectWithoutTokenHasNone() {
    assertThat(TrackingToken.findIn("Re: [SP:short] lunch", "SP")).isEmpty();
  }

  @Test
  void somethingElseIsNotATrackingToken() {
    assertThatThrownBy(() -> new TrackingToken("SP:7K2M9QXA"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
