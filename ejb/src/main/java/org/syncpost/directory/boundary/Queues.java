package org.syncpost.directory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Auditor;
import org.syncpost.directory.control.Caller;
import org.syncpost.directory.entity.AddressCheck;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.MailboxLookup;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueChanged;
import org.syncpost.directory.entity.QueueCreated;
import org.syncpost.directory.entity.QueueDeleted;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.RemovalCheck;
import org.syncpost.directory.entity.User;
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
  @Inject Event<AddressCheck> addressChecks;
  @Inject Event<MailboxLookup> lookups;
  @Inject Event<QueueCreated> created;
  @Inject Event<QueueChanged> changed;
  @Inject Event<RemovalCheck> removalChecks;
  @Inject Event<QueueDeleted> deleted;
  @Inject Caller caller;

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
    MailboxLookup lookup = MailboxLookup.ofQueues(queues);
    lookups.fire(lookup);
    return lookup.mailboxIds();
  }

  /** The id of the queue's mailbox, if any. */
  public Optional<Long> mailboxIdOf(Queue queue) {
    return Optional.ofNullable(mailboxIds(List.of(queue)).get(queue.getId()));
  }

  /** Creates the queue and its mailbox; without an owner, the creating administrator owns it. */
  public Queue create(QueueDetails details) {
    List<Violation> found = new ArrayList<>();
    found.addAll(addressTaken(AddressCheck.forQueue(details.email(), null)));
    User owner = owner(details, found);
    rules.enforce(details, found);
    Queue queue = new Queue(details, owner != null ? owner : caller.user().orElse(null));
    em.persist(queue);
    created.fire(new QueueCreated(queue));
    em.flush();
    auditor.record("created", AUDIT_TYPE, queue.getId(), "queue '" + queue.getName() + "'");
    return queue;
  }

  public Queue update(long id, QueueDetails details) {
    return update(id, details, null);
  }

  /**
   * As {@link #update(long, QueueDetails)}, refused if the queue is no longer at {@code
   * expectedVersion} ({@code null}: unconditional).
   */
  public Queue update(long id, QueueDetails details, Long expectedVersion) {
    Queue queue = find(id);
    queue.requireVersion(expectedVersion, "queue");
    List<Violation> found = new ArrayList<>();
    found.addAll(addressTaken(AddressCheck.forQueue(details.email(), queue)));
    User owner = owner(details, found);
    rules.enforce(details, found);
    queue.describe(details, owner != null ? owner : queue.getOwner());
    changed.fire(new QueueChanged(queue, details));
    auditor.record("changed", AUDIT_TYPE, id, "queue '" + queue.getName() + "'");
    return queue;
  }

  /**
   * Removes a queue and its mailbox, or deactivates both when email records or quarantined messages
   * belong to the mailbox (see {@link Users#delete}).
   */
  public Removal delete(long id) {
    Queue queue = find(id);
    RemovalCheck check = RemovalCheck.of(queue);
    removalChecks.fire(check);
    if (check.kept()) {
      queue.deactivate();
      auditor.record(
          "deactivated",
          AUDIT_TYPE,
          id,
          "queue '" + queue.getName() + "' (" + check.keptBecause() + ")");
      return Removal.DEACTIVATED;
    }
    deleted.fire(new QueueDeleted(queue));
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

  private List<Violation> addressTaken(AddressCheck check) {
    addressChecks.fire(check);
    return check.violations();
  }
}
