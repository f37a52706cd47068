package org.syncpost.profile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.syncpost.directory.entity.UserDeleted;
import org.syncpost.profile.entity.EmailServerProfile;

/**
 * Leaves the profiles of a deleted user without owner; in the deleting transaction (a plain
 * {@code @Observes}), before the user row goes.
 */
@ApplicationScoped
public class OwnerlessProfiles {

  @PersistenceContext EntityManager em;

  void disown(@Observes UserDeleted deleted) {
    em.createQuery(
            "select p from EmailServerProfile p where p.owner = :user", EmailServerProfile.class)
        .setParameter("user", deleted.user())
        .getResultList()
        .forEach(p -> p.transferOwnership(null));
  }
}
