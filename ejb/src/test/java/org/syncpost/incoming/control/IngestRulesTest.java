package org.syncpost.incoming.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.syncpost.mailbox.entity.ActionAfterProcessing;

class IngestRulesTest {

  private static final Instant PROCESS_FROM = Instant.parse("2026-11-27T04:38:05.300Z");

  private final IngestRules rules =
      new IngestRules(
          1_000_000, 1_000_000, PROCESS_FROM, true, null, ActionAfterProcessing.NONE, null, null);

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
        new IngestRules(1, 1, null, true, null, ActionAfterProcessing.NONE, null, null);

    assertThat(unbounded.takes(Instant.EPOCH)).isTrue();
    assertThat(rules.takes(null)).isTrue();
  }

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void onTheFirstPop3CycleAPlausibleDateBeforeProcessFromLeavesTheMessageOut() {
    assertThat(rules.takesPop3(Instant.parse("2026-11-01T00:00:00Z"), true, NOW)).isFalse();
    assertThat(rules.takesPop3(Instant.parse("2026-12-01T00:00:00Z"), true, NOW)).isTrue();
  }

  @Test
  void onTheFirstPop3CycleAMissingOrAbsurdDateTakesTheMessage() {
    assertThat(rules.takesPop3(null, true, NOW)).isTrue();
    assertThat(rules.takesPop3(Instant.EPOCH, true, NOW)).isTrue();
    assertThat(rules.takesPop3(Instant.parse("1989-12-31T23:59:59Z"), true, NOW)).isTrue();
    assertThat(rules.takesPop3(NOW.plusSeconds(86_401), true, NOW)).isTrue();
  }

  @Test
  void afterTheFirstPop3CycleEveryNewMessageIsTakenWhateverItsDate() {
    assertThat(rules.takesPop3(Instant.parse("2026-11-01T00:00:00Z"), false, NOW)).isTrue();
  }
}
