package org.syncpost.directory.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks for the mailbox ids of some users or queues, all in one query of the observer (a list page
 * does not ask once per row): the directory shows mailboxes without knowing their type.
 */
public final class MailboxLookup {

  private final List<User> users;
  private final List<Queue> queues;
  private final Map<Long, Long> found = new HashMap<>();

  private MailboxLookup(List<User> users, List<Queue> queues) {
    this.users = users;
    this.queues = queues;
  }

  public static MailboxLookup ofUsers(Collection<User> users) {
    return new MailboxLookup(List.copyOf(users), List.of());
  }

  public static MailboxLookup ofQueues(Collection<Queue> queues) {
    return new MailboxLookup(List.of(), List.copyOf(queues));
  }

  public List<User> users() {
    return users;
  }

  public List<Queue> queues() {
    return queues;
  }

  /** Answers: the user or queue with {@code ownerId} has the mailbox {@code mailboxId}. */
  public void found(long ownerId, long mailboxId) {
    found.put(ownerId, mailboxId);
  }

  /** Mailbox id by user or queue id. */
  public Map<Long, Long> mailboxIds() {
    return Map.copyOf(found);
  }
}
