package org.syncpost.incoming.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Counts on the mailbox the messages the process-from rule left out (issue 13: nothing is skipped
 * without trace), with the last one's Message-ID and date. One update statement, in a transaction
 * of its own, so a cycle's count does not wait for or roll back with its records.
 */
@Stateless
public class SkippedBeforeProcessFrom {

  static final int MAX_MESSAGE_ID = 1000;

  @PersistenceContext EntityManager em;

  /** Adds {@code tally} to the mailbox's count; nothing when it is empty. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void count(long mailboxId, SkipTally.Counted tally) {
    if (tally.count() == 0) {
      return;
    }
    if (tally.lastDate() == null && tally.lastMessageId() == null) {
      em.createQuery(
              "update Mailbox m set m.processFromSkips.count = m.processFromSkips.count + :n"
                  + " where m.id = :id")
          .setParameter("n", tally.count())
          .setParameter("id", mailboxId)
          .executeUpdate();
      return;
    }
    em.createQuery(
            "update Mailbox m set m.processFromSkips.count = m.processFromSkips.count + :n,"
                + " m.processFromSkips.lastMessageId = :messageId,"
                + " m.processFromSkips.lastDate = :date where m.id = :id")
        .setParameter("n", tally.count())
        .setParameter("messageId", clamp(tally.lastMessageId()))
        .setParameter("date", at(tally.lastDate()))
        .setParameter("id", mailboxId)
        .executeUpdate();
  }

  private static String clamp(String messageId) {
    return messageId == null || messageId.length() <= MAX_MESSAGE_ID
        ? messageId
        : messageId.substring(0, MAX_MESSAGE_ID);
  }

  private static java.time.OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
