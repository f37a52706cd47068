package org.syncpost.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.stream.Collectors;
import org.syncpost.directory.entity.Role;
import org.syncpost.directory.entity.User;

/** Signs people in against the users SyncPost stores; their roles become security groups. */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing hashing;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    User user =
        em.createNamedQuery(User.BY_NAME, User.class)
            .setParameter("name", credential.getCaller())
            .getResultStream()
            .findFirst()
            .orElse(null);
    String storedHash = user == null ? null : user.getPasswordHash();
    if (!hashing.matches(credential.getPasswordAsString(), storedHash)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<String> groups =
        user.getRoles().stream().map(Role::externalName).collect(Collectors.toSet());
    return new CredentialValidationResult(user.getName(), groups);
  }
}
