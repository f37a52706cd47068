package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loop protection (issue 16): two auto-responders answering each other, or a forwarder sending mail
 * back to where it came from, would feed a mailbox thousands of records. Automatic messages
 * (auto-replies, bulk mail: {@code ParsedMessage.autoSubmitted}) from one sender to one mailbox are
 * counted per UTC day, in the database so that every node and every cycle count together; beyond
 * {@value #DEFAULT_LIMIT} (Znuny's default; {@value #LIMIT}) they are held: not records, left on
 * the mail server. Runs in the caller's (the {@link IncomingLedger}'s) transaction.
 */
@ApplicationScoped
public class LoopGuard {

  public static final String LIMIT = "syncpost.incoming.loop-limit";
  static final int DEFAULT_LIMIT = 40;

  /** A tally is kept a day longer than it counts, then removed. */
  private static final int DAYS_KEPT = 2;

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = LIMIT, defaultValue = "" + DEFAULT_LIMIT)
  int limit = DEFAULT_LIMIT;

  /** What the guard made of one automatic message. */
  public enum Verdict {
    /** Within the limit: it becomes a record. */
    TAKE,
    /** The first one over the limit today: held, and the owner is told. */
    HOLD_FIRST,
    /** Held, as others before it today. */
    HOLD;

    public boolean holds() {
      return this != TAKE;
    }
  }

  /** Counts one automatic message from {@code sender} (bare address, or a placeholder). */
  public Verdict count(long mailboxId, String sender, LocalDate today) {
    List<?> row =
        em.createNativeQuery(
                "select received from incoming_loop_tally where mailbox_id = ?1 and sender = ?2"
                    + " and tally_day = ?3")
            .setParameter(1, mailboxId)
            .setParameter(2, sender)
            .setParameter(3, today)
            .getResultList();
    if (row.isEmpty()) {
      em.createNativeQuery(
              "delete from incoming_loop_tally where mailbox_id = ?1 and tally_day < ?2")
          .setParameter(1, mailboxId)
          .setParameter(2, today.minusDays(DAYS_KEPT))
          .executeUpdate();
      em.createNativeQuery(
              "insert into incoming_loop_tally (mailbox_id, sender, tally_day, received, held)"
                  + " values (?1, ?2, ?3, 1, ?4)")
          .setParameter(1, mailboxId)
          .setParameter(2, sender)
          .setParameter(3, today)
          .setParameter(4, limit < 1 ? 1 : 0)
          .executeUpdate();
      return limit < 1 ? Verdict.HOLD_FIRST : Verdict.TAKE;
    }
    int received = ((Number) row.get(0)).intValue() + 1;
    boolean held = received > limit;
    em.createNativeQuery(
            "update incoming_loop_tally set received = received + 1, held = held + ?4"
                + " where mailbox_id = ?1 and sender = ?2 and tally_day = ?3")
        .setParameter(1, mailboxId)
        .setParameter(2, sender)
        .setParameter(3, today)
        .setParameter(4, held ? 1 : 0)
        .executeUpdate();
    if (!held) {
      return Verdict.TAKE;
    }
    return received == limit + 1 ? Verdict.HOLD_FIRST : Verdict.HOLD;
  }

  public int limit() {
    return limit;
  }
}
