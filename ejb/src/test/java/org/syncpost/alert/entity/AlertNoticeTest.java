package org.syncpost.alert.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertNoticeTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Timeout", "host not found", "host_not_found", "-timeout", "a--b"})
  void aCodeThatIsNotKebabCaseIsRefused(String code) {
    assertThrows(
        IllegalArgumentException.class,
        () -> AlertNotice.aboutMailbox(AlertLevel.WARNING, code, 1L, "text", null, null));
  }

  @Test
  void aCodeLongerThan60CharactersIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AlertNotice.aboutMailbox(AlertLevel.WARNING, "a".repeat(61), 1L, "text", null, null));
  }

  @Test
  void anAlertWithoutTextIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AlertNotice.aboutProfile(AlertLevel.ERROR, "smtp-timeout", 1L, " ", null, null));
  }

  @Test
  void aMailboxAlertGoesToTheMailboxOwnerAndOnRequestAlsoToTheProfileOwner() {
    AlertNotice notice =
        AlertNotice.aboutMailbox(AlertLevel.ERROR, "smtp-timeout", 4L, "Timed out.", null, null);

    assertThat(
            notice.toMailboxOwner()
                + " "
                + notice.toProfileOwner()
                + " / "
                + notice.alsoToProfileOwner().toMailboxOwner()
                + " "
                + notice.alsoToProfileOwner().toProfileOwner())
        .isEqualTo("true false / true true");
  }
}
