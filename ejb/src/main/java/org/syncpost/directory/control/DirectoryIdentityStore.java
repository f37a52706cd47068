package org.syncpost.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.syncpost.directory.boundary.Accounts;

/** Signs people in against the users SyncPost stores; their roles become security groups. */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

  @Inject Accounts accounts;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return accounts
        .signIn(credential.getCaller(), credential.getPasswordAsString())
        .map(signedIn -> new CredentialValidationResult(signedIn.name(), signedIn.groups()))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
