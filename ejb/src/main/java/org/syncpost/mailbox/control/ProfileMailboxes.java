package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ProfileDeleted;

/**
 * Detaches the mailboxes of a deleted profile; in the deleting transaction (a plain
 * {@code @Observes}), before the profile row goes.
 */
@ApplicationScoped
public class ProfileMailboxes {

  @PersistenceContext EntityManager em;

  void detach(@Observes ProfileDeleted deleted) {
    EmailServerProfile profile = deleted.profile();
    em.createQuery("select m from Mailbox m where m.profile = :profile", Mailbox.class)
        .setParameter("profile", profile)
        .getResultList()
        .forEach(m -> m.detachFrom(profile));
  }
}
