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
import org.syncpost.directory.control.PasswordHashing;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.mailbox.control.MailboxAddresses;
import org.syncpost.mailbox.control.MailboxReferences;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/** The people who use SyncPost; each owns one mailbox, created with the organisation defaults. */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Users {

  static final String AUDIT_TYPE = "user";
  static final int MIN_PASSWORD_LENGTH = 8;

  @PersistenceContext EntityManager em;
  @Inject Rules rules;
  @Inject Auditor auditor;
  @Inject PasswordHashing hashing;
  @Inject MailboxAddresses addresses;
  @Inject MailboxReferences references;
  @Inject Caller caller;

  public List<User> list(int offset, int limit) {
    return em.createNamedQuery(User.ALL, User.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
  }

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
    Map<Long, Long> ids = new HashMap<>();
    em.createQuery(
            "select m.regardingUser.id, m.id from Mailbox m where m.regardingUser in :owners",
            Object[].class)
        .setParameter("owners", List.copyOf(users))
        .getResultList()
        .forEach(row -> ids.put((Long) row[0], (Long) row[1]));
    return ids;
  }

  public Optional<Mailbox> mailboxOf(User user) {
    return em.createQuery("select m from Mailbox m where m.regardingUser = :user", Mailbox.class)
        .setParameter("user", user)
        .getResultStream()
        .findFirst();
  }

  /**
   * Creates the user and their mailbox; {@code password} may be empty for a user who never signs
   * in.
   */
  public User create(UserDetails details, String password) {
    List<Violation> found = new ArrayList<>();
    checkName(found, details.name(), null);
    addresses.conflictFor("email", details.email(), null).ifPresent(found::add);
    checkPassword(found, password);
    rules.enforce(details, found);
    User user = new User(details);
    if (password != null) {
      user.changePasswordHash(hashing.hash(password));
    }
    em.persist(user);
    em.persist(Mailbox.of(user, organisation()));
    em.flush();
    auditor.record(
        "created",
        AUDIT_TYPE,
        user.getId(),
        "user '" + user.getName() + "' with roles " + user.getRoles());
    return user;
  }

  public User update(long id, UserDetails details, String newPassword) {
    User user = find(id);
    Optional<Mailbox> mailbox = mailboxOf(user);
    List<Violation> found = new ArrayList<>();
    checkName(found, details.name(), user);
    addresses.conflictFor("email", details.email(), mailbox.orElse(null)).ifPresent(found::add);
    checkPassword(found, newPassword);
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
    mailbox.ifPresent(
        m -> m.readdress(details.email().strip(), organisation().requiresApproval(false)));
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
    Optional<Mailbox> mailbox = mailboxOf(user);
    if (mailbox.isPresent() && references.isReferenced(mailbox.get())) {
      user.deactivate();
      mailbox.get().deactivate();
      auditor.record(
          "deactivated",
          AUDIT_TYPE,
          id,
          "user '" + user.getName() + "' (email records belong to their mailbox)");
      return Removal.DEACTIVATED;
    }
    mailbox.ifPresent(em::remove);
    em.createQuery(
            "select p from EmailServerProfile p where p.owner = :user", EmailServerProfile.class)
        .setParameter("user", user)
        .getResultList()
        .forEach(p -> p.transferOwnership(null));
    em.createQuery("select q from Queue q where q.owner = :user", Queue.class)
        .setParameter("user", user)
        .getResultList()
        .forEach(q -> q.transferOwnership(null));
    em.createQuery("select m from Mailbox m where m.owner = :user", Mailbox.class)
        .setParameter("user", user)
        .getResultList()
        .forEach(m -> m.transferOwnership(null));
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

  private static void checkPassword(List<Violation> found, String password) {
    if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
      found.add(
          new Violation("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
    }
  }

  private OrganisationSettings organisation() {
    return em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
  }
}
