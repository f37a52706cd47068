package org.syncpost.container;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/** Calls facades with the approver role only. */
@Stateless
@RunAs("approver")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsApprover {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
