package org.syncpost.settings.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Auditor;
import org.syncpost.settings.entity.EmailSettings;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.settings.entity.SettingsChanging;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.Violation;

/** The organisation's email settings: defaults for new mailboxes, approval, limits, security. */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Settings {

  @PersistenceContext EntityManager em;
  @Inject Rules rules;
  @Inject Auditor auditor;
  @Inject Event<SettingsChanging> changing;

  @RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME})
  public OrganisationSettings current() {
    return organisation();
  }

  /**
   * Whether passwords may travel over plain HTTP. Asked before authentication has finished, so open
   * to every caller; it reveals one switch, nothing else.
   */
  @PermitAll
  public boolean allowsCredentialsOverHttp() {
    return organisation().isAllowCredentialsEntryOverHttp();
  }

  public OrganisationSettings change(EmailSettings settings) {
    return change(settings, null);
  }

  /**
   * As {@link #change(EmailSettings)}, refused if the settings are no longer at {@code
   * expectedVersion} ({@code null}: unconditional).
   */
  public OrganisationSettings change(EmailSettings settings, Long expectedVersion) {
    organisation().requireVersion(expectedVersion, "settings");
    List<Violation> found = new ArrayList<>(OrganisationSettings.violationsOf(settings));
    SettingsChanging check = new SettingsChanging(settings);
    changing.fire(check);
    found.addAll(check.violations());
    rules.enforce(settings, found);
    OrganisationSettings organisation = organisation();
    organisation.change(settings);
    auditor.record("changed", "settings", organisation.getId(), "organisation email settings");
    return organisation;
  }

  private OrganisationSettings organisation() {
    return em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
  }
}
