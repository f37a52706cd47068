package org.syncpost.container;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/**
 * Calls facades as an administrator would, each call in its own transaction(s) as in production.
 */
@Stateless
@RunAs("administrator")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsAdministrator {

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
