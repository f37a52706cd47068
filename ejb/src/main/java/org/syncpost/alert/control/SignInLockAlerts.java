package org.syncpost.alert.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.syncpost.access.entity.SignInLocked;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;

/**
 * Tells administrators when sign-in was locked after repeated failures: someone may be guessing
 * passwords. One open alert, counted on each further lock.
 */
@ApplicationScoped
public class SignInLockAlerts {

  static final String CODE = "sign-in-locked";

  @Inject AlertRaiser raiser;

  void raise(@Observes SignInLocked locked) {
    raiser.raise(
        new AlertNotice(
            AlertLevel.WARNING,
            CODE,
            null,
            null,
            "Signing in was locked for the "
                + locked.scope().words()
                + " '"
                + locked.key()
                + "' until "
                + locked.until()
                + " after "
                + locked.failures()
                + " failed attempts: someone may be guessing passwords.",
            "If it was not a person who forgot their password, look at the sign-in entries of the"
                + " audit trail for the addresses the attempts came from, and block them at the"
                + " firewall. The lock ends by itself.",
            null,
            false,
            false));
  }
}
