package org.syncpost.container;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.OrganisationSettings;

/** Many users with their mailboxes at once, stored directly (no audit), for scale tests. */
@Stateless
@PermitAll
public class MailboxFixtures {

  @PersistenceContext EntityManager em;

  /** Users {@code prefix-from} … {@code prefix-(from + count - 1)}, each with a mailbox. */
  public void usersWithMailboxes(String prefix, int from, int count) {
    OrganisationSettings defaults =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    for (int i = from; i < from + count; i++) {
      String name = String.format("%s-%05d", prefix, i);
      User user = new User(new UserDetails(name, name + "@example.org", Set.of()));
      em.persist(user);
      em.persist(Mailbox.of(user, defaults, defaultProfile(defaults)));
      if (i % 500 == 0) {
        em.flush();
        em.clear();
        defaults = em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
      }
    }
  }

  private EmailServerProfile defaultProfile(OrganisationSettings defaults) {
    return defaults.getDefaultProfileId() == null
        ? null
        : em.find(EmailServerProfile.class, defaults.getDefaultProfileId());
  }

  /** Sets columns of the mailbox's row directly ({@code assignments} as in SQL's SET). */
  public void set(long mailboxId, String assignments, Object... parameters) {
    var update = em.createNativeQuery("UPDATE mailbox SET " + assignments + " WHERE id = ?");
    for (int i = 0; i < parameters.length; i++) {
      update.setParameter(i + 1, parameters[i]);
    }
    update.setParameter(parameters.length + 1, mailboxId).executeUpdate();
  }

  /** The mailbox as it is now, detached. */
  public Mailbox mailbox(long mailboxId) {
    return em.find(Mailbox.class, mailboxId);
  }
}
