package org.syncpost.container;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/** Calls facades as the mailbox owner {@value #NAME}, who sees only his own mailboxes. */
@Stateless
@RunAs("mailbox-owner")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsMailboxOwner {

  /** The principal the role propagates as (container-glassfish-ejb-jar.xml). */
  public static final String NAME = "test-owner";

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
