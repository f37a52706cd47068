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

  /** The caller's user id when they see only their own things; empty when they may see all. */
  public Optional<Long> restrictedToOwnerId() {
    if (isAdministrator() || is(Role.APPROVER)) {
      return Optional.empty();
    }
    return Optional.of(user().map(User::getId).orElse(-1L));
  }
}
