package org.syncpost.directory.entity;

/**
 * Asked before a user or queue is removed: an observer that holds something that must outlive it
 * (email records of its mailbox) deactivates its own part and keeps the entry, which is then
 * deactivated instead of deleted. Fired in the removing transaction.
 */
public final class RemovalCheck {

  private final User user;
  private final Queue queue;
  private String keptBecause;

  private RemovalCheck(User user, Queue queue) {
    this.user = user;
    this.queue = queue;
  }

  public static RemovalCheck of(User user) {
    return new RemovalCheck(user, null);
  }

  public static RemovalCheck of(Queue queue) {
    return new RemovalCheck(null, queue);
  }

  /** The user being removed, or null when it is a queue. */
  public User user() {
    return user;
  }

  /** The queue being removed, or null when it is a user. */
  public Queue queue() {
    return queue;
  }

  /** Keeps the entry (deactivated), for the reason given, as the audit trail will say. */
  public void keep(String reason) {
    keptBecause = reason;
  }

  public boolean kept() {
    return keptBecause != null;
  }

  public String keptBecause() {
    return keptBecause;
  }
}
