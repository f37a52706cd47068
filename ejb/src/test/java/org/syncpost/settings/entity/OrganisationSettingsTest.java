package org.syncpost.settings.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncpost.validation.entity.Violation;

class OrganisationSettingsTest {

  private static EmailSettings emailSettings(
      DeliveryMethod appointments, boolean approveUsers, boolean approveQueues) {
    // not the defaults, so that reading back the defaults cannot pass for reading back these
    return EmailSettingsBuilder.defaults()
        .outgoingDeliveryMethod(DeliveryMethod.NONE)
        .appointmentsDeliveryMethod(appointments)
        .requireApproval(approveUsers, approveQueues)
        .allowCredentialsEntryOverHttp(true)
        .trackingTokenPrefix("CRM-")
        .maxIncomingMessageSizeMb(50)
        .retries(4, 15)
        .raiseAlerts(true, false, true)
        .build();
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
