package org.syncpost.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/**
 * Who is acting now: the authenticated caller, or {@value #SYSTEM} for work SyncPost does by itself
 * (timers, start-up).
 */
@ApplicationScoped
public class Actor {

  public static final String SYSTEM = "system";

  @Inject SecurityContext securityContext;

  public String name() {
    Principal caller;
    try {
      caller = securityContext.getCallerPrincipal();
    } catch (IllegalStateException noCallerHere) {
      // EJB lifecycle callbacks (start-up singletons) have no caller and may not ask for one
      return SYSTEM;
    }
    return caller == null || caller.getName() == null || "ANONYMOUS".equals(caller.getName())
        ? SYSTEM
        : caller.getName();
  }
}
