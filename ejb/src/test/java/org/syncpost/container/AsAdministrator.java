package org.syncpost.container;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.Callable;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.UserDetails;

/**
 * Calls facades as an administrator would, each call in its own transaction(s) as in production.
 */
@Stateless
@RunAs("administrator")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsAdministrator {

  @Inject Users users;

  /** A new user (named {@code prefix} and a random suffix) and its mailbox; the mailbox's id. */
  public long newMailbox(String prefix) {
    String name = UniqueNames.unique(prefix);
    return users
        .mailboxIdOf(users.create(new UserDetails(name, name + "@example.org", Set.of()), null))
        .orElseThrow();
  }

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }

  public void run(ThrowingRunnable work) throws Exception {
    work.run();
  }

  /** Work that returns nothing. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
