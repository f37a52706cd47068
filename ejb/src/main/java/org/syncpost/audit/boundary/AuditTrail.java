package org.syncpost.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.entity.AuditEntry;

/** Reads the audit trail: who changed which profile, mailbox or setting, and when. */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class AuditTrail {

  @PersistenceContext EntityManager em;

  public List<AuditEntry> entries(String objectType, Long objectId, int offset, int limit) {
    return em.createNamedQuery(AuditEntry.FOR_OBJECT, AuditEntry.class)
        .setParameter("type", objectType)
        .setParameter("objectId", objectId == null ? 0L : objectId) // null: VARCHAR on PostgreSQL
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(String objectType, Long objectId) {
    return em.createNamedQuery(AuditEntry.COUNT_FOR_OBJECT, Long.class)
        .setParameter("type", objectType)
        .setParameter("objectId", objectId == null ? 0L : objectId) // null: VARCHAR on PostgreSQL
        .getSingleResult();
  }
}
