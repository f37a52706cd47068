package org.syncpost.profile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.SettingsChanging;
import org.syncpost.validation.entity.Violation;

/** Refuses organisation settings whose default profile does not exist. */
@ApplicationScoped
public class DefaultProfileCheck {

  @PersistenceContext EntityManager em;

  void check(@Observes SettingsChanging changing) {
    Long id = changing.requested().defaultProfileId();
    if (id != null && em.find(EmailServerProfile.class, id) == null) {
      changing.refuse(
          new Violation("defaultProfileId", "there is no email server profile with id " + id));
    }
  }
}
