package org.syncpost.settings.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncpost.validation.entity.Violation;

class OrganisationSettingsTest {

  private static EmailSettings emailSettings(
      DeliveryMethod appointments, boolean approveUsers, boolean approveQueues) {
    return new EmailSettings(
        null,
        DeliveryMethod.SERVER_SIDE_SYNC,
        DeliveryMethod.NONE,
        appointments,
        approveUsers,
        approveQueues,
        true,
        false,
        true,
        "CRM-",
        5_120,
        50,
        4,
        15,
        30,
        true,
        false,
        true);
  }

  @Test
  void changedSettingsReadBackUnchanged() {
    EmailSettings entered = emailSettings(DeliveryMethod.NONE, true, false);
    OrganisationSettings organisation = new OrganisationSettings();

    organisation.change(entered);

    assertThat(organisation.asEmailSettings()).isEqualTo(entered);
  }

  @Test
  void appointmentsSyncIsRefused() {
    List<Violation> violations =
        OrganisationSettings.violationsOf(
            emailSettings(DeliveryMethod.SERVER_SIDE_SYNC, false, false));

    assertThat(violations.stream().map(Violation::field))
        .containsExactly("appointmentsDeliveryMethod");
  }

  @Test
  void noAppointmentsHasNoViolations() {
    assertThat(OrganisationSettings.violationsOf(emailSettings(DeliveryMethod.NONE, false, false)))
        .isEmpty();
  }

  @Test
  void userAndQueueApprovalAreSeparateChoices() {
    OrganisationSettings organisation = new OrganisationSettings();
    organisation.change(emailSettings(DeliveryMethod.NONE, true, false));

    assertThat(List.of(organisation.requiresApproval(false), organisation.requiresApproval(true)))
        .containsExactly(true, false);
  }
}
