package org.syncpost.monitoring.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.syncpost.monitoring.entity.MailboxState;
import org.syncpost.monitoring.entity.Readings;
import org.syncpost.time.control.ColumnInstants;

/**
 * Reads the state of the work from the database in three small aggregate queries (native SQL that
 * runs the same on H2 and PostgreSQL). Callers cache the result: a scrape must not load the
 * database.
 *
 * <p>A stateless EJB: its four reads are one transaction, which a CDI {@code
 * jakarta.transaction.Transactional} method on a background thread is not (ADR 0012).
 */
@Stateless
public class OperationalReadings {

  private static final String SERVER_SIDE_SYNC = "'SERVER_SIDE_SYNC'";

  @PersistenceContext EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Readings read(Instant now) {
    List<?> jobs =
        em.createNativeQuery(
                "select count(distinct j.id), count(i.id), count(i.outcome) from job j"
                    + " left join job_item i on i.job_id = j.id"
                    + " where j.status in ('QUEUED', 'RUNNING')")
            .getResultList();
    Object[] job = (Object[]) jobs.get(0);
    return new Readings(
        now,
        states("incoming", true),
        states("outgoing", false),
        pollLag(now),
        number(job[0]),
        number(job[1]),
        number(job[2]));
  }

  private Map<MailboxState, Long> states(String direction, boolean withFailures) {
    String failing =
        withFailures ? " when consecutive_errors > 0 then '" + MailboxState.FAILING + "'" : "";
    List<?> rows =
        em.createNativeQuery(
                "select state, count(*) from (select case when active = false or "
                    + direction
                    + "_delivery_method <> "
                    + SERVER_SIDE_SYNC
                    + " then '"
                    + MailboxState.NOT_SYNCHRONISED
                    + "' when enabled_for_"
                    + direction
                    + " = false then '"
                    + MailboxState.DISABLED
                    + "'"
                    + failing
                    + " else '"
                    + MailboxState.ENABLED
                    + "' end as state from mailbox) states group by state")
            .getResultList();
    Map<MailboxState, Long> counts = new EnumMap<>(MailboxState.class);
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      counts.put(MailboxState.valueOf(columns[0].toString().strip()), number(columns[1]));
    }
    return counts;
  }

  /** The same mailboxes the incoming scheduler finds due, leased ones aside (they are at work). */
  private Duration pollLag(Instant now) {
    Object oldest =
        em.createNativeQuery(
                "select min(next_incoming_poll_at) from mailbox where active = true"
                    + " and enabled_for_incoming = true and incoming_delivery_method = "
                    + SERVER_SIDE_SYNC
                    + " and next_incoming_poll_at <= ?1"
                    + " and (lease_owner is null or lease_until < ?1)")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .getSingleResult();
    Instant due = ColumnInstants.of(oldest);
    return due == null || due.isAfter(now) ? Duration.ZERO : Duration.between(due, now);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
