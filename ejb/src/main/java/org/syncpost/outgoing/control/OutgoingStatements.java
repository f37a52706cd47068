package org.syncpost.outgoing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.syncpost.audit.control.Actor;
import org.syncpost.email.control.EmailEvents;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.outgoing.entity.SentEmail;

/**
 * The two statements that take and record a whole batch at once, for {@link OutgoingLedger}: the
 * claim and the {@code SENT} of many emails, each one conditional {@code UPDATE} instead of one per
 * email (issue 19, ADR 0027). They run in the ledger's transaction; the rules they write are the
 * entity's ({@link EmailRecord#startSending}, {@link EmailRecord#sent}), pinned together by {@code
 * SendingLeasesIT}.
 */
@ApplicationScoped
public class OutgoingStatements {

  /** Whether the database is PostgreSQL (else H2), asked once: the two spell a few things apart. */
  private static volatile Boolean postgresql;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  /**
   * Takes up to {@code limit} due records of the mailbox for sending until {@code leaseUntil}, in
   * one conditional UPDATE that answers the ids it changed.
   *
   * @return the ids this transaction won
   */
  List<Long> claimDue(long mailboxId, Instant now, Instant leaseUntil, int limit) {
    // the same change as EmailRecord.startSending, made where the row still says PENDING_SEND: of
    // two senders picking the same rows, the one whose update comes second changes none of them
    // (it waits for the first one's row locks, then finds them SENDING)
    String update =
        "UPDATE email_record SET status = 'SENDING',"
            + " delivery_attempts = delivery_attempts + 1, sending_lease_until = ?,"
            + " version = version + 1, modified_on = ?, modified_by = ?"
            + " WHERE status = 'PENDING_SEND' AND id IN (SELECT id FROM email_record"
            + " WHERE sender_mailbox_id = ? AND direction = 'OUTGOING' AND status = 'PENDING_SEND'"
            + " AND (send_at IS NULL OR send_at <= ?)"
            + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
            + " ORDER BY id FETCH FIRST "
            + Math.max(limit, 1)
            + " ROWS ONLY)";
    return idsOf(
        em.createNativeQuery(returning(update, "id"))
            .setParameter(1, leaseUntil.atOffset(ZoneOffset.UTC))
            .setParameter(2, now.atOffset(ZoneOffset.UTC))
            .setParameter(3, Actor.SYSTEM)
            .setParameter(4, mailboxId)
            .setParameter(5, now.atOffset(ZoneOffset.UTC))
            .setParameter(6, now.atOffset(ZoneOffset.UTC))
            .getResultList());
  }

  /**
   * The change {@link EmailRecord#sent} makes (with no refused recipient), for every email of the
   * list still SENDING under the attempt its sender claimed, in one UPDATE; then one query for what
   * the events say of the rows it changed. {@code SendingLeasesIT} pins the UPDATE to the entity
   * method.
   *
   * @return what the events need of the records changed
   */
  List<EmailEvents.SentRecord> recordSent(List<SentEmail> sent) {
    StringBuilder sentOn = new StringBuilder("CASE id");
    StringBuilder claimedBy = new StringBuilder();
    for (SentEmail email : sent) {
      sentOn.append(" WHEN ? THEN CAST(? AS TIMESTAMP WITH TIME ZONE)");
      claimedBy
          .append(claimedBy.isEmpty() ? "" : " OR ")
          .append("(id = ? AND delivery_attempts = ?)");
    }
    sentOn.append(" END");
    Query update =
        em.createNativeQuery(
            "UPDATE email_record SET status = 'SENT', sent_on = "
                + sentOn
                + ", next_attempt_at = NULL, last_delivery_error = NULL,"
                + " sending_lease_until = NULL, version = version + 1, modified_on = ?,"
                + " modified_by = ? WHERE status = 'SENDING' AND ("
                + claimedBy
                + ")");
    int position = 1;
    for (SentEmail email : sent) {
      update.setParameter(position++, email.recordId());
      update.setParameter(position++, email.at().atOffset(ZoneOffset.UTC));
    }
    // this update's own modification time tells its rows from any recorded SENT before
    OffsetDateTime stamp = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    update.setParameter(position++, stamp);
    update.setParameter(position++, Actor.SYSTEM);
    for (SentEmail email : sent) {
      update.setParameter(position++, email.recordId());
      update.setParameter(position++, email.attempt());
    }
    if (update.executeUpdate() == 0) {
      return List.of();
    }
    // SENT by this update, under the attempt this sender claimed
    Map<Long, Integer> attempts =
        sent.stream().collect(Collectors.toMap(SentEmail::recordId, SentEmail::attempt));
    List<EmailEvents.SentRecord> recorded = new ArrayList<>();
    for (Object[] row :
        em.createQuery(
                "select e.id, e.delivery.deliveryAttempts, e.messageId, m.id from EmailRecord e"
                    + " left join e.senderMailbox m where e.id in :ids and e.status = :sent"
                    + " and e.modifiedOn = :stamp",
                Object[].class)
            .setParameter("ids", attempts.keySet())
            .setParameter("sent", EmailStatus.SENT)
            .setParameter("stamp", stamp.toInstant())
            .getResultList()) {
      long id = ((Number) row[0]).longValue();
      if (attempts.get(id) == ((Number) row[1]).intValue()) {
        recorded.add(
            new EmailEvents.SentRecord(
                id, (String) row[2], row[3] == null ? null : ((Number) row[3]).longValue()));
      }
    }
    return recorded;
  }

  /**
   * A data-changing statement that answers the given columns of the rows it changed: PostgreSQL
   * spells it {@code ... RETURNING}, H2 (2.x) {@code SELECT ... FROM FINAL TABLE (...)}. Either way
   * one statement tells exactly which rows this transaction won, which no later query can (a row
   * another sender took meanwhile looks the same).
   */
  private String returning(String update, String columns) {
    return onPostgresql()
        ? update + " RETURNING " + columns
        : "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
  }

  private boolean onPostgresql() {
    Boolean known = postgresql;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known =
            connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot tell which database holds the email records", e);
      }
      postgresql = known;
    }
    return known;
  }

  private static List<Long> idsOf(List<?> rows) {
    List<Long> ids = new ArrayList<>();
    for (Object row : rows) {
      Object id = row instanceof Object[] columns ? columns[0] : row;
      ids.add(((Number) id).longValue());
    }
    return ids;
  }
}
