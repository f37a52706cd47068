package org.syncpost.directory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Auditor;
import org.syncpost.directory.control.Caller;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.User;
import org.syncpost.mailbox.control.MailboxAddresses;
import org.syncpost.mailbox.control.MailboxReferences;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/** Shared addresses processed for a team; each owns one mailbox, created with the defaults. */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Queues {

  static final String AUDIT_TYPE = "queue";

  @PersistenceContext EntityManager em;
  @Inject Rules rules;
  @Inject Auditor auditor;
  @Inject MailboxAddresses addresses;
  @Inject MailboxReferences references;
  @Inject Caller caller;

  public List<Queue> list(int offset, int limit) {
    return em.createNamedQuery(Queue.ALL, Queue.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    return em.createNamedQuery(Queue.COUNT, Long.class).getSingleResult();
  }

  /** One page of the queues {@code filter} selects, filtered, sorted and paged by the database. */
  public List<Queue> search(DirectoryFilter filter, int offset, int limit) {
    return filter.page(em, Queue.class, offset, limit);
  }

  /** How many queues {@code filter} selects. */
  public long countMatching(DirectoryFilter filter) {
    return filter.count(em, Queue.class);
  }

  public Queue find(long id) {
    Queue queue = em.find(Queue.class, id);
    if (queue == null) {
      throw new NotFound("queue", id);
    }
    return queue;
  }

  /**
   * The mailbox id of each of {@code queues} (by queue id), in one query: a list page does not ask
   * once per row.
   */
  public Map<Long, Long> mailboxIds(Collection<Queue> queues) {
    if (queues.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> ids = new HashMap<>();
    em.createQuery(
            "select m.regardingQueue.id, m.id from Mailbox m where m.regardingQueue in :owners",
            Object[].class)
        .setParameter("owners", List.copyOf(queues))
        .getResultList()
        .forEach(row -> ids.put((Long) row[0], (Long) row[1]));
    return ids;
  }

  public Optional<Mailbox> mailboxOf(Queue queue) {
    return em.createQuery("select m from Mailbox m where m.regardingQueue = :queue", Mailbox.class)
        .setParameter("queue", queue)
        .getResultStream()
        .findFirst();
  }

  /** Creates the queue and its mailbox; without an owner, the creating administrator owns it. */
  public Queue create(QueueDetails details) {
    List<Violation> found = new ArrayList<>();
    addresses.conflictFor("email", details.email(), null).ifPresent(found::add);
    User owner = owner(details, found);
    rules.enforce(details, found);
    Queue queue = new Queue(details, owner != null ? owner : caller.user().orElse(null));
    em.persist(queue);
    em.persist(Mailbox.of(queue, organisation()));
    em.flush();
    auditor.record("created", AUDIT_TYPE, queue.getId(), "queue '" + queue.getName() + "'");
    return queue;
  }

  public Queue update(long id, QueueDetails details) {
    Queue queue = find(id);
    Optional<Mailbox> mailbox = mailboxOf(queue);
    List<Violation> found = new ArrayList<>();
    addresses.conflictFor("email", details.email(), mailbox.orElse(null)).ifPresent(found::add);
    User owner = owner(details, found);
    rules.enforce(details, found);
    queue.describe(details, owner != null ? owner : queue.getOwner());
    mailbox.ifPresent(
        m -> {
          m.readdress(details.email().strip(), organisation().requiresApproval(true));
          m.transferOwnership(queue.getOwner());
        });
    auditor.record("changed", AUDIT_TYPE, id, "queue '" + queue.getName() + "'");
    return queue;
  }

  /**
   * Removes a queue and its mailbox, or deactivates both when email records or quarantined messages
   * belong to the mailbox (see {@link Users#delete}).
   */
  public Removal delete(long id) {
    Queue queue = find(id);
    Optional<Mailbox> mailbox = mailboxOf(queue);
    if (mailbox.isPresent() && references.isReferenced(mailbox.get())) {
      queue.deactivate();
      mailbox.get().deactivate();
      auditor.record(
          "deactivated",
          AUDIT_TYPE,
          id,
          "queue '" + queue.getName() + "' (email records belong to its mailbox)");
      return Removal.DEACTIVATED;
    }
    mailbox.ifPresent(em::remove);
    em.remove(queue);
    auditor.record("deleted", AUDIT_TYPE, id, "queue '" + queue.getName() + "'");
    return Removal.DELETED;
  }

  private User owner(QueueDetails details, List<Violation> found) {
    if (details.ownerId() == null) {
      return null;
    }
    User owner = em.find(User.class, details.ownerId());
    if (owner == null) {
      found.add(new Violation("ownerId", "there is no user with id " + details.ownerId()));
    }
    return owner;
  }

  private OrganisationSettings organisation() {
    return em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
  }
}
