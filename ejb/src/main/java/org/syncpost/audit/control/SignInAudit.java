package org.syncpost.audit.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.syncpost.access.entity.SignInFailed;
import org.syncpost.access.entity.SignInLocked;
import org.syncpost.audit.entity.AuditEntry;

/**
 * Writes failed sign-ins and the locks they lead to into the audit trail, as the user name that was
 * tried. A stateless EJB: sign-in happens before any transaction exists, and each entry needs one.
 */
@Stateless
public class SignInAudit {

  static final String OBJECT_TYPE = "sign-in";

  @PersistenceContext EntityManager em;

  public void failed(@Observes SignInFailed failed) {
    em.persist(
        new AuditEntry(
            failed.at(),
            actor(failed.account()),
            "sign-in-failed",
            OBJECT_TYPE,
            null,
            "wrong user name or password from "
                + failed.address()
                + " ("
                + failed.failures()
                + " in a row)"));
  }

  public void locked(@Observes SignInLocked locked) {
    em.persist(
        new AuditEntry(
            locked.until(),
            actor(locked.scope() == SignInLocked.Scope.ACCOUNT ? locked.key() : "system"),
            "sign-in-locked",
            OBJECT_TYPE,
            null,
            "sign-in locked for "
                + locked.scope().words()
                + " '"
                + locked.key()
                + "' until "
                + locked.until()
                + " after "
                + locked.failures()
                + " failed attempts"));
  }

  private static String actor(String name) {
    String actor = name == null || name.isBlank() ? "(no user name)" : name;
    return actor.length() <= 100 ? actor : actor.substring(0, 100);
  }
}
