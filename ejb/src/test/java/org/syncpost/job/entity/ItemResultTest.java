package org.syncpost.job.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

class ItemResultTest {

  @Test
  void aThrownExceptionBecomesAFailureSayingWhatWentWrong() {
    ItemResult result =
        ItemResult.thrown(new EJBException(new IllegalStateException("mailbox 4 has no profile")));

    assertThat(result.outcome() + " " + result.message())
        .isEqualTo(
            "FAILED Failed unexpectedly: mailbox 4 has no profile (IllegalStateException)."
                + " The server log has the details.");
  }

  @Test
  void anExceptionWithoutMessageIsNamedByItsType() {
    ItemResult result = ItemResult.thrown(new NullPointerException());

    assertThat(result.message())
        .isEqualTo("Failed unexpectedly (NullPointerException). The server log has the details.");
  }
}
