package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ProfileDeleted;
import org.syncpost.profile.entity.ProfileInUse;

/**
 * Moves the mailboxes of a deleted profile to its replacement, or refuses the deletion while
 * mailboxes use it; in the deleting transaction (a plain {@code @Observes}), before the profile row
 * goes.
 */
@ApplicationScoped
public class ProfileMailboxes {

  @PersistenceContext EntityManager em;

  void move(@Observes ProfileDeleted deleted) {
    EmailServerProfile profile = deleted.profile();
    List<Mailbox> using =
        em.createQuery("select m from Mailbox m where m.profile = :profile", Mailbox.class)
            .setParameter("profile", profile)
            .getResultList();
    if (using.isEmpty()) {
      return;
    }
    if (deleted.replacement() == null) {
      throw new ProfileInUse(profile.getId(), using.size());
    }
    // a new server is untested: the mailboxes must be tested & enabled again
    using.forEach(
        m ->
            m.useDeliveryMethods(
                deleted.replacement(),
                m.getDelivery().getIncoming(),
                m.getDelivery().getOutgoing(),
                m.getDelivery().getAppointments()));
  }
}
