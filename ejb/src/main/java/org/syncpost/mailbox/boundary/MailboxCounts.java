package org.syncpost.mailbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.control.Caller;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.TestStatus;

/**
 * What the dashboard shows of the mailboxes: how many are enabled and have each test status, and
 * those in trouble — counted by the database, over the mailboxes the caller may see (a mailbox
 * owner only his own).
 */
@Stateless
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME, Role.MAILBOX_OWNER_NAME})
public class MailboxCounts {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;

  /**
   * How many mailboxes have each incoming test status, counted by the database (GROUP BY); every
   * status is present, with 0 when none has it.
   */
  public Map<TestStatus, Long> countByIncomingStatus() {
    return countBy("sync.incoming.status");
  }

  /** As {@link #countByIncomingStatus()}, for outgoing. */
  public Map<TestStatus, Long> countByOutgoingStatus() {
    return countBy("outgoing.status");
  }

  private Map<TestStatus, Long> countBy(String statusAttribute) {
    Map<TestStatus, Long> counts = new EnumMap<>(TestStatus.class);
    for (TestStatus status : TestStatus.values()) {
      counts.put(status, 0L);
    }
    em.createQuery(
            "select m."
                + statusAttribute
                + ", count(m) from Mailbox m where (:ownerId is null or m.owner.id = :ownerId)"
                + " group by m."
                + statusAttribute,
            Object[].class)
        .setParameter("ownerId", caller.restrictedToOwnerId().orElse(null))
        .getResultList()
        .forEach(row -> counts.put((TestStatus) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  /**
   * Mailboxes enabled for incoming or outgoing email. Grouped by both flags (at most four rows)
   * rather than compared with {@code true}: EclipseLink writes a boolean as 1, which H2 2 refuses.
   */
  public long countEnabled() {
    return em
        .createQuery(
            "select m.sync.incoming.enabled, m.outgoing.enabled, count(m) from Mailbox m"
                + " where (:ownerId is null or m.owner.id = :ownerId)"
                + " group by m.sync.incoming.enabled, m.outgoing.enabled",
            Object[].class)
        .setParameter("ownerId", caller.restrictedToOwnerId().orElse(null))
        .getResultList()
        .stream()
        .filter(row -> Boolean.TRUE.equals(row[0]) || Boolean.TRUE.equals(row[1]))
        .mapToLong(row -> ((Number) row[2]).longValue())
        .sum();
  }

  /**
   * Mailboxes in trouble (a failed test, or errors in their last cycles), the most consecutive
   * errors first.
   */
  public List<Mailbox> listFailing(int offset, int limit) {
    return failing(
            "select m", " order by m.lastError.consecutive desc, m.name, m.id", Mailbox.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long countFailing() {
    return failing("select count(m)", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> failing(String select, String orderBy, Class<T> type) {
    return em.createQuery(
            select
                + " from Mailbox m where (:ownerId is null or m.owner.id = :ownerId) and"
                + " (m.sync.incoming.status = :failure or m.outgoing.status = :failure"
                + " or m.lastError.consecutive > 0)"
                + orderBy,
            type)
        .setParameter("ownerId", caller.restrictedToOwnerId().orElse(null))
        .setParameter("failure", TestStatus.FAILURE);
  }
}
