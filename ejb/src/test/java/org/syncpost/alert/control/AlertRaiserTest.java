package org.syncpost.alert.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;

class AlertRaiserTest {

  private static final AlertNotice TIMEOUT =
      AlertNotice.aboutMailbox(
          AlertLevel.WARNING, "incoming-timeout", 4L, "Timed out.", null, null);

  /** Answers with the failures it was given, then with an alert; counts the attempts. */
  private static final class ScriptedRecorder extends AlertRecorder {
    final Deque<RuntimeException> failures = new ArrayDeque<>();
    int attempts;

    @Override
    public Optional<Alert> record(AlertNotice notice) {
      attempts++;
      if (!failures.isEmpty()) {
        throw failures.pop();
      }
      return Optional.of(new Alert(notice, null, null, java.time.Instant.EPOCH));
    }
  }

  private final ScriptedRecorder recorder = new ScriptedRecorder();
  private final AlertRaiser raiser = new AlertRaiser();

  {
    raiser.recorder = recorder;
  }

  private static RuntimeException duplicateKey() {
    return new PersistenceException(
        new SQLIntegrityConstraintViolationException("Unique index violation", "23505"));
  }

  @Test
  void anAlertStoredFirstByAnotherTransactionIsRecordedAgainAndCounted() {
    recorder.failures.add(duplicateKey());

    assertThat(raiser.raise(TIMEOUT)).isPresent();
    assertThat(recorder.attempts).isEqualTo(2);
  }

  @Test
  void anAlertCountedByAnotherTransactionInBetweenIsRecordedAgain() {
    recorder.failures.add(new OptimisticLockException("changed since read"));
    recorder.failures.add(duplicateKey());

    raiser.raise(TIMEOUT);

    assertThat(recorder.attempts).isEqualTo(3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    recorder.failures.add(
        new PersistenceException(new SQLException("foreign key violated", "23503")));

    assertThrows(PersistenceException.class, () -> raiser.raise(TIMEOUT));
    assertThat(recorder.attempts).isEqualTo(1);
  }

  @Test
  void raisingGivesUpAfterTenLostRaces() {
    for (int i = 0; i < AlertRaiser.MAX_ATTEMPTS; i++) {
      recorder.failures.add(new OptimisticLockException("changed since read"));
    }

    assertThrows(OptimisticLockException.class, () -> raiser.raise(TIMEOUT));
    assertThat(recorder.attempts).isEqualTo(AlertRaiser.MAX_ATTEMPTS);
  }
}
