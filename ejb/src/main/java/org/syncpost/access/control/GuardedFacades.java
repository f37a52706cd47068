package org.syncpost.access.control;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

/**
 * Puts {@link Guarded} on every facade a person calls: each {@code boundary} class that declares
 * who may call it ({@code @RolesAllowed} or {@code @PermitAll}). Schedulers and start-up beans
 * declare neither and run as SyncPost itself.
 */
public class GuardedFacades implements Extension {

  <T> void guard(
      @Observes @WithAnnotations({RolesAllowed.class, PermitAll.class})
          ProcessAnnotatedType<T> type) {
    Class<T> facade = type.getAnnotatedType().getJavaClass();
    if (isFacade(facade)) {
      type.configureAnnotatedType().add(Guarded.Literal.INSTANCE);
    }
  }

  static boolean isFacade(Class<?> type) {
    return type.getPackageName().startsWith("org.syncpost.")
        && type.getPackageName().endsWith(".boundary")
        && (type.isAnnotationPresent(RolesAllowed.class)
            || type.isAnnotationPresent(PermitAll.class));
  }
}
