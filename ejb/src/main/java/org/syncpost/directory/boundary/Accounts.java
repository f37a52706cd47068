package org.syncpost.directory.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.control.PasswordHashing;
import org.syncpost.directory.control.VerifiedPasswords;
import org.syncpost.directory.entity.User;

/**
 * Checks a sign-in against the stored users. An EJB on purpose: the identity store runs in the web
 * module, and in an EAR only the EJB module sees the persistence unit.
 */
@Stateless
@PermitAll
public class Accounts {

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing hashing;
  @Inject VerifiedPasswords verified;

  /** The user's name and roles when {@code password} is theirs; empty otherwise. */
  public Optional<SignedIn> signIn(String name, String password) {
    User user =
        em.createNamedQuery(User.BY_NAME, User.class)
            .setParameter("name", name)
            .getResultStream()
            .findFirst()
            .orElse(null);
    // a deactivated user has no password hash: matches() refuses it like an unknown name
    String storedHash = user == null || !user.isActive() ? null : user.getPasswordHash();
    if (!verified.remembers(storedHash, password)) {
      if (!hashing.matches(password, storedHash)) {
        return Optional.empty();
      }
      verified.remember(storedHash, password);
    }
    return Optional.of(
        new SignedIn(
            user.getName(),
            user.getRoles().stream().map(Role::externalName).collect(Collectors.toSet())));
  }

  /** Who signed in, with the security groups (role names) they hold. */
  public record SignedIn(String name, Set<String> groups) {}
}
