package org.syncpost.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.function.Supplier;

/**
 * Who is acting now: the authenticated caller, or {@value #SYSTEM} for work SyncPost does by itself
 * (timers, start-up).
 */
@ApplicationScoped
public class Actor {

  public static final String SYSTEM = "system";

  /** Set while SyncPost works by itself on this thread (see {@link #bySystem}). */
  private static final ThreadLocal<Boolean> SYSTEM_WORK = ThreadLocal.withInitial(() -> false);

  @Inject SecurityContext securityContext;

  /**
   * Runs {@code work} as SyncPost's own (a scheduled cycle): everything it stamps is by {@value
   * #SYSTEM}, without asking the security context, which on Payara probes for several vendors'
   * classes on every call — costly when thousands of records are stamped.
   */
  public static <T> T bySystem(Supplier<T> work) {
    boolean outer = SYSTEM_WORK.get();
    SYSTEM_WORK.set(true);
    try {
      return work.get();
    } finally {
      SYSTEM_WORK.set(outer);
    }
  }

  public String name() {
    if (SYSTEM_WORK.get()) {
      return SYSTEM;
    }
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
