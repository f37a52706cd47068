package org.syncpost.alert.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.syncpost.settings.entity.EmailSettingsBuilder;
import org.syncpost.settings.entity.OrganisationSettings;

class AlertLevelTest {

  private static OrganisationSettings raising(
      boolean information, boolean warnings, boolean errors) {
    return EmailSettingsBuilder.defaults()
        .raiseAlerts(information, warnings, errors)
        .organisation();
  }

  private static String raised(OrganisationSettings organisation) {
    return Arrays.stream(AlertLevel.values())
        .filter(level -> level.isRaisedUnder(organisation))
        .map(Enum::name)
        .toList()
        .toString();
  }

  @Test
  void eachLevelFollowsItsOwnSetting() {
    assertThat(
            raised(raising(true, false, false))
                + raised(raising(false, true, false))
                + raised(raising(false, false, true)))
        .isEqualTo("[INFORMATION][WARNING][ERROR]");
  }
}
