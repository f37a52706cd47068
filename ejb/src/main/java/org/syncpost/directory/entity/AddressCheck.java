package org.syncpost.directory.entity;

import java.util.ArrayList;
import java.util.List;
import org.syncpost.validation.entity.Violation;

/**
 * Asked before a user or queue takes the address {@code email}: an observer that needs addresses to
 * be unique (mailboxes) refuses one that is taken by another than {@code user} or {@code queue}
 * (null for a new entry). Fired in the checking transaction; the violations are reported together
 * with the directory's own.
 */
public final class AddressCheck {

  private final String field;
  private final String email;
  private final User user;
  private final Queue queue;
  private final List<Violation> violations = new ArrayList<>();

  private AddressCheck(String field, String email, User user, Queue queue) {
    this.field = field;
    this.email = email;
    this.user = user;
    this.queue = queue;
  }

  public static AddressCheck forUser(String email, User existing) {
    return new AddressCheck("email", email, existing, null);
  }

  public static AddressCheck forQueue(String email, Queue existing) {
    return new AddressCheck("email", email, null, existing);
  }

  public String field() {
    return field;
  }

  public String email() {
    return email;
  }

  /** The user taking the address, or null (a new user, or a queue). */
  public User user() {
    return user;
  }

  /** The queue taking the address, or null (a new queue, or a user). */
  public Queue queue() {
    return queue;
  }

  public void refuse(Violation violation) {
    violations.add(violation);
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }
}
