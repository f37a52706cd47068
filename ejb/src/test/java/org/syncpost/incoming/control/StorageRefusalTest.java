package org.syncpost.incoming.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StorageRefusalTest {

  @Test
  void aValueTooLongIsSaidInWordsWithoutTheProvidersText() {
    PersistenceException failed =
        new PersistenceException(
            "Exception [EclipseLink-4002]: Internal Exception: value too long for column"
                + " \"SUBJECT\" SQL: INSERT INTO EMAIL_RECORD bind => [Buy now <evil@example.org>]",
            new SQLDataException("Value too long for column SUBJECT: 'Buy now'", "22001"));

    String reason = StorageRefusal.reasonFor(failed);

    assertThat(reason)
        .isEqualTo(
            "the message could not be stored: a value in it is longer than the database allows"
                + " (SQL state 22001)")
        .doesNotContain("EclipseLink", "INSERT", "SUBJECT", "evil@example.org");
  }

  @Test
  void characterTheDatabaseCannotStoreIsNamed() {
    String reason =
        StorageRefusal.reasonFor(
            new RuntimeException(new SQLException("invalid byte sequence 0x00", "22021")));

    assertThat(reason).contains("characters the database cannot store").contains("22021");
  }

  @Test
  void aFailureWithoutADatabaseCausePointsToTheLogAndTheRetry() {
    String reason = StorageRefusal.reasonFor(new IllegalStateException("secret internals"));

    assertThat(reason)
        .startsWith("the message could not be stored: an unexpected error")
        .contains("server log")
        .doesNotContain("secret internals", "IllegalStateException");
  }

  @Test
  void anUnknownSqlStateIsGivenForTheAdministratorToLookUp() {
    String reason =
        StorageRefusal.reasonFor(new RuntimeException(new SQLException("boom", "42P01")));

    assertThat(reason)
        .endsWith("the database refused it (SQL state 42P01); the server log has the details");
  }
}
