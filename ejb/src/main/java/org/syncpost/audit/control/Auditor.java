package org.syncpost.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.syncpost.audit.entity.AuditEntry;

/**
 * Writes audit entries in the caller's transaction, so an entry exists exactly when the change it
 * describes was committed. Summaries name fields, never their secret values.
 */
@ApplicationScoped
public class Auditor {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Actor actor;

  public void record(String action, String objectType, Long objectId, String summary) {
    em.persist(
        new AuditEntry(clock.instant(), actor.name(), action, objectType, objectId, summary));
  }
}
