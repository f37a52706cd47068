package org.syncpost.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.entity.User;

/** The person behind the current call, with what their roles allow. */
@ApplicationScoped
public class Caller {

  @Inject SecurityContext securityContext;
  @PersistenceContext EntityManager em;

  public boolean is(Role role) {
    return securityContext.isCallerInRole(role.externalName());
  }

  public boolean isAdministrator() {
    return is(Role.ADMINISTRATOR);
  }

  public Optional<User> user() {
    Principal principal = securityContext.getCallerPrincipal();
    if (principal == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(User.BY_NAME, User.class)
        .setParameter("name", principal.getName())
        .getResultStream()
        .findFirst();
  }

  /**
   * The caller's user id when they see only their own mailboxes; empty when they may see all
   * (administrators, and approvers, who decide on every mailbox's address).
   */
  public Optional<Long> restrictedToOwnerId() {
    if (isAdministrator() || is(Role.APPROVER)) {
      return Optional.empty();
    }
    return Optional.of(user().map(User::getId).orElse(-1L));
  }

  /**
   * The caller's user id when they may read only the email of their own mailboxes; empty for
   * administrators only. Approvers decide whether an address may process email; they need the
   * mailbox, not its contents (docs/access.md).
   */
  public Optional<Long> readsEmailOnlyOfOwnerId() {
    if (isAdministrator()) {
      return Optional.empty();
    }
    return Optional.of(user().map(User::getId).orElse(-1L));
  }

  /** Whether the caller is the owner of something owned by {@code owner} ({@code null}: nobody). */
  public boolean owns(User owner) {
    return owner != null && user().map(u -> u.getId().equals(owner.getId())).orElse(false);
  }
}
