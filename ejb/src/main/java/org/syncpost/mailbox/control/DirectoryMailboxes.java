package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.syncpost.directory.entity.AddressCheck;
import org.syncpost.directory.entity.MailboxLookup;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueChanged;
import org.syncpost.directory.entity.QueueCreated;
import org.syncpost.directory.entity.QueueDeleted;
import org.syncpost.directory.entity.RemovalCheck;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserChanged;
import org.syncpost.directory.entity.UserCreated;
import org.syncpost.directory.entity.UserDeleted;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.OrganisationSettings;

/**
 * Gives every user and queue of the directory its mailbox, and keeps it in step as they change. The
 * directory sits below the mailboxes and tells them by CDI events (ADR 0013); every observer here
 * is a plain {@code @Observes}, so it runs in the directory's transaction and its changes commit or
 * roll back with the user or queue.
 */
@ApplicationScoped
public class DirectoryMailboxes {

  @PersistenceContext EntityManager em;
  @Inject MailboxEvents mailboxEvents;
  @Inject MailboxAddresses addresses;
  @Inject MailboxReferences references;

  void refuseTakenAddress(@Observes AddressCheck check) {
    Mailbox own =
        check.user() != null
            ? ofUser(check.user()).orElse(null)
            : check.queue() != null ? ofQueue(check.queue()).orElse(null) : null;
    addresses.conflictFor(check.field(), check.email(), own).ifPresent(check::refuse);
  }

  void answer(@Observes MailboxLookup lookup) {
    if (!lookup.users().isEmpty()) {
      em.createQuery(
              "select m.regardingUser.id, m.id from Mailbox m where m.regardingUser in :owners",
              Object[].class)
          .setParameter("owners", lookup.users())
          .getResultList()
          .forEach(row -> lookup.found((Long) row[0], (Long) row[1]));
    }
    if (!lookup.queues().isEmpty()) {
      em.createQuery(
              "select m.regardingQueue.id, m.id from Mailbox m where m.regardingQueue in :owners",
              Object[].class)
          .setParameter("owners", lookup.queues())
          .getResultList()
          .forEach(row -> lookup.found((Long) row[0], (Long) row[1]));
    }
  }

  void create(@Observes UserCreated created) {
    OrganisationSettings defaults = organisation();
    em.persist(Mailbox.of(created.user(), defaults, defaultProfile(defaults)));
  }

  void create(@Observes QueueCreated created) {
    OrganisationSettings defaults = organisation();
    em.persist(Mailbox.of(created.queue(), defaults, defaultProfile(defaults)));
  }

  void readdress(@Observes UserChanged changed) {
    ofUser(changed.user())
        .ifPresent(
            m ->
                m.readdress(
                    changed.details().email().strip(), organisation().requiresApproval(false)));
  }

  void readdress(@Observes QueueChanged changed) {
    Queue queue = changed.queue();
    ofQueue(queue)
        .ifPresent(
            m -> {
              m.readdress(changed.details().email().strip(), organisation().requiresApproval(true));
              m.transferOwnership(queue.getOwner());
            });
  }

  /** Email records and quarantined messages keep their mailbox, and so its user or queue. */
  void keepWhenReferenced(@Observes RemovalCheck check) {
    Optional<Mailbox> mailbox =
        check.user() != null ? ofUser(check.user()) : ofQueue(check.queue());
    if (mailbox.isPresent() && references.isReferenced(mailbox.get())) {
      MailboxEvents.Enablement before = MailboxEvents.Enablement.of(mailbox.get());
      mailbox.get().deactivate();
      mailboxEvents.announceChanges(mailbox.get(), before);
      check.keep(
          "email records belong to " + (check.user() != null ? "their" : "its") + " mailbox");
    }
  }

  void remove(@Observes UserDeleted deleted) {
    User user = deleted.user();
    ofUser(user).ifPresent(em::remove);
    em.createQuery("select m from Mailbox m where m.owner = :user", Mailbox.class)
        .setParameter("user", user)
        .getResultList()
        .forEach(m -> m.transferOwnership(null));
  }

  void remove(@Observes QueueDeleted deleted) {
    ofQueue(deleted.queue()).ifPresent(em::remove);
  }

  private Optional<Mailbox> ofUser(User user) {
    return first(
        em.createQuery("select m from Mailbox m where m.regardingUser = :user", Mailbox.class)
            .setParameter("user", user)
            .getResultList());
  }

  private Optional<Mailbox> ofQueue(Queue queue) {
    return first(
        em.createQuery("select m from Mailbox m where m.regardingQueue = :queue", Mailbox.class)
            .setParameter("queue", queue)
            .getResultList());
  }

  private static Optional<Mailbox> first(List<Mailbox> found) {
    return found.stream().findFirst();
  }

  private OrganisationSettings organisation() {
    return em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
  }

  private EmailServerProfile defaultProfile(OrganisationSettings defaults) {
    return defaults.getDefaultProfileId() == null
        ? null
        : em.find(EmailServerProfile.class, defaults.getDefaultProfileId());
  }
}
