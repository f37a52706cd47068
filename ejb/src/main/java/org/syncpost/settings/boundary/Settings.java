package org.syncpost.settings.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Auditor;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.EmailSettings;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.Violation;

/** The organisation's email settings: defaults for new mailboxes, approval, limits, security. */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Settings {

  @PersistenceContext EntityManager em;
  @Inject Rules rules;
  @Inject Auditor auditor;

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
    List<Violation> found = new ArrayList<>(OrganisationSettings.violationsOf(settings));
    EmailServerProfile defaultProfile = null;
    if (settings.defaultProfileId() != null) {
      defaultProfile = em.find(EmailServerProfile.class, settings.defaultProfileId());
      if (defaultProfile == null) {
        found.add(
            new Violation(
                "defaultProfileId",
                "there is no email server profile with id " + settings.defaultProfileId()));
      }
    }
    rules.enforce(settings, found);
    OrganisationSettings organisation = organisation();
    organisation.change(settings, defaultProfile);
    auditor.record("changed", "settings", organisation.getId(), "organisation email settings");
    return organisation;
  }

  private OrganisationSettings organisation() {
    return em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
  }
}
