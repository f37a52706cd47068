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
import org.syncpost.access.control.PasswordPolicy;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Auditor;
import org.syncpost.directory.control.Caller;
import org.syncpost.directory.control.PasswordHashing;
import org.syncpost.directory.entity.AddressCheck;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.MailboxLookup;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.RemovalCheck;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserChanged;
import org.syncpost.directory.entity.UserCreated;
import org.syncpost.directory.entity.UserDeleted;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/** The people who use SyncPost; each owns one mailbox, created with the organisation defaults. */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Users {

  static final String AUDIT_TYPE = "user";

  @PersistenceContext EntityManager em;
  @Inject Rules rules;
  @Inject Auditor auditor;
  @Inject PasswordHashing hashing;
  @Inject PasswordPolicy passwordPolicy;
  @Inject Event<AddressCheck> addressChecks;
  @Inject Event<MailboxLookup> lookups;
  @Inject Event<UserCreated> created;
  @Inject Event<UserChanged> changed;
  @Inject Event<RemovalCheck> removalChecks;
  @Inject Event<UserDeleted> deleted;
  @Inject Caller caller;

  /** One page of the users {@code filter} selects, filtered, sorted and paged by the database. */
  public List<User> search(DirectoryFilter filter, int offset, int limit) {
    return filter.page(em, User.class, offset, limit);
  }

  /** How many users {@code filter} selects. */
  public long countMatching(DirectoryFilter filter) {
    return filter.count(em, User.class);
  }

  /** The user who signs in as {@code name}, if any. */
  public Optional<User> named(String name) {
    return em.createNamedQuery(User.BY_NAME, User.class)
        .setParameter("name", name.strip())
        .getResultStream()
        .findFirst();
  }

  public User find(long id) {
    User user = em.find(User.class, id);
    if (user == null) {
      throw new NotFound("user", id);
    }
    return user;
  }

  /**
   * The mailbox id of each of {@code users} (by user id), in one query: a list page does not ask
   * once per row.
   */
  public Map<Long, Long> mailboxIds(Collection<User> users) {
    if (users.isEmpty()) {
      return Map.of();
    }
    MailboxLookup lookup = MailboxLookup.ofUsers(users);
    lookups.fire(lookup);
    return lookup.mailboxIds();
  }

  /** The id of the user's mailbox, if any. */
  public Optional<Long> mailboxIdOf(User user) {
    return Optional.ofNullable(mailboxIds(List.of(user)).get(user.getId()));
  }

  /**
   * Creates the user and their mailbox; {@code password} may be empty for a user who never signs
   * in.
   */
  public User create(UserDetails details, String password) {
    List<Violation> found = new ArrayList<>();
    checkName(found, details.name(), null);
    found.addAll(addressTaken(AddressCheck.forUser(details.email(), null)));
    checkPassword(found, password, details);
    rules.enforce(details, found);
    User user = new User(details);
    if (password != null) {
      user.changePasswordHash(hashing.hash(password));
    }
    em.persist(user);
    created.fire(new UserCreated(user));
    em.flush();
    auditor.record(
        "created",
        AUDIT_TYPE,
        user.getId(),
        "user '" + user.getName() + "' with roles " + user.getRoles());
    return user;
  }

  public User update(long id, UserDetails details, String newPassword) {
    return update(id, details, newPassword, null);
  }

  /**
   * As {@link #update(long, UserDetails, String)}, refused if the user is no longer at {@code
   * expectedVersion} ({@code null}: unconditional).
   */
  public User update(long id, UserDetails details, String newPassword, Long expectedVersion) {
    User user = find(id);
    user.requireVersion(expectedVersion, "user");
    List<Violation> found = new ArrayList<>();
    checkName(found, details.name(), user);
    found.addAll(addressTaken(AddressCheck.forUser(details.email(), user)));
    checkPassword(found, newPassword, details);
    if (isCallersOwn(user)
        && user.has(Role.ADMINISTRATOR)
        && !details.roles().contains(Role.ADMINISTRATOR)) {
      found.add(
          new Violation(
              "roles",
              "you cannot take the administrator role from yourself; ask another administrator"));
    }
    rules.enforce(details, found);
    user.rename(details);
    changed.fire(new UserChanged(user, details));
    if (newPassword != null) {
      user.changePasswordHash(hashing.hash(newPassword));
    }
    auditor.record(
        "changed",
        AUDIT_TYPE,
        id,
        "user '"
            + user.getName()
            + "' with roles "
            + user.getRoles()
            + (newPassword != null ? ", password replaced" : ""));
    return user;
  }

  /**
   * Removes a user and their mailbox; what they owned (profiles, queues) is left without owner.
   * When email records or quarantined messages belong to the mailbox, the user is deactivated
   * instead (signs in no more; the mailbox neither receives nor sends) so the records keep it.
   */
  public Removal delete(long id) {
    User user = find(id);
    if (isCallersOwn(user)) {
      throw InvalidInput.of("id", "you cannot delete your own user; ask another administrator");
    }
    RemovalCheck check = RemovalCheck.of(user);
    removalChecks.fire(check);
    if (check.kept()) {
      user.deactivate();
      auditor.record(
          "deactivated",
          AUDIT_TYPE,
          id,
          "user '" + user.getName() + "' (" + check.keptBecause() + ")");
      return Removal.DEACTIVATED;
    }
    deleted.fire(new UserDeleted(user));
    em.createQuery("select q from Queue q where q.owner = :user", Queue.class)
        .setParameter("user", user)
        .getResultList()
        .forEach(q -> q.transferOwnership(null));
    em.remove(user);
    auditor.record("deleted", AUDIT_TYPE, id, "user '" + user.getName() + "'");
    return Removal.DELETED;
  }

  private boolean isCallersOwn(User user) {
    return caller.user().map(u -> u.getId().equals(user.getId())).orElse(false);
  }

  private void checkName(List<Violation> found, String name, User own) {
    if (name == null || name.isBlank()) {
      return;
    }
    em.createNamedQuery(User.BY_NAME, User.class)
        .setParameter("name", name.strip())
        .getResultStream()
        .filter(other -> own == null || !other.getId().equals(own.getId()))
        .findFirst()
        .ifPresent(
            other ->
                found.add(
                    new Violation(
                        "name", "another user already signs in as '" + name.strip() + "'")));
  }

  private void checkPassword(List<Violation> found, String password, UserDetails details) {
    if (password != null) {
      passwordPolicy
          .refusal(password, java.util.Arrays.asList(details.name(), details.email()))
          .ifPresent(refused -> found.add(new Violation("password", refused)));
    }
  }

  private List<Violation> addressTaken(AddressCheck check) {
    addressChecks.fire(check);
    return check.violations();
  }
}
