package org.syncpost.alert.entity;

import java.util.function.Predicate;
import org.syncpost.settings.entity.OrganisationSettings;

/** How serious an alert is; the organisation chooses which levels are raised at all. */
public enum AlertLevel {
  /** Something worked and someone should know, e.g. a mailbox was tested and enabled. */
  INFORMATION(OrganisationSettings::isRaiseInformationAlerts),
  /** Something went wrong and SyncPost is retrying, e.g. a server was briefly unreachable. */
  WARNING(OrganisationSettings::isRaiseWarningAlerts),
  /** Something stopped working until a person acts, e.g. a mailbox was disabled. */
  ERROR(OrganisationSettings::isRaiseErrorAlerts);

  private final Predicate<OrganisationSettings> raised;

  AlertLevel(Predicate<OrganisationSettings> raised) {
    this.raised = raised;
  }

  /** Whether alerts of this level are raised under the organisation's settings. */
  public boolean isRaisedUnder(OrganisationSettings organisation) {
    return raised.test(organisation);
  }
}
