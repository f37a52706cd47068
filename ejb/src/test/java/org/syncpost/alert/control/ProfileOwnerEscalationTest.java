package org.syncpost.alert.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileOwnerEscalationTest {

  @ParameterizedTest(name = "{0} of {1} failing: {2}")
  @CsvSource({
    "3, 4, true",
    "2, 4, false",
    "1, 1, true",
    "1, 2, false",
    "0, 0, false",
    "3, 5, true"
  })
  void theOwnerIsAlertedOnlyWhenMoreThanHalfFail(long failing, long total, boolean alerted) {
    assertThat(ProfileOwnerEscalation.isMoreThanHalf(failing, total)).isEqualTo(alerted);
  }
}
