package org.syncpost.incoming.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.syncpost.mailbox.entity.ActionAfterProcessing;

class IngestRulesTest {

  private static final Instant PROCESS_FROM = Instant.parse("2026-11-27T04:38:05.300Z");

  private final IngestRules rules =
      new IngestRules(
          1_000_000, 1_000_000, PROCESS_FROM, true, null, ActionAfterProcessing.NONE, null);

  @Test
  void mailReceivedInTheSameSecondAsProcessFromIsTakenThoughTheServerDropsTheFraction() {
    // an IMAP INTERNALDATE of mail delivered at 04:38:05.850
    assertThat(rules.takes(Instant.parse("2026-11-27T04:38:05Z"))).isTrue();
  }

  @Test
  void mailReceivedInAnEarlierSecondIsNotTaken() {
    assertThat(rules.takes(Instant.parse("2026-11-27T04:38:04Z"))).isFalse();
  }

  @Test
  void withoutProcessFromOrAReceivedDateMailIsTaken() {
    IngestRules unbounded =
        new IngestRules(1, 1, null, true, null, ActionAfterProcessing.NONE, null);

    assertThat(unbounded.takes(Instant.EPOCH)).isTrue();
    assertThat(rules.takes(null)).isTrue();
  }
}
