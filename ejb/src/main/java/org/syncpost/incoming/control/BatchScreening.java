package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.mailbox.entity.Mailbox;

/**
 * What keeps a parsed message of a batch from becoming a record: the mailbox's incoming filter and
 * loop protection (issue 16), with the counts they leave on the mailbox. Runs inside the {@link
 * IncomingLedger}'s transaction, never in one of its own: its counts commit with the batch.
 */
@ApplicationScoped
public class BatchScreening {

  private static final System.Logger LOGGER = System.getLogger(BatchScreening.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Correspondents correspondents;
  @Inject LoopGuard loopGuard;
  @Inject Alerts alerts;

  /**
   * The screening of one batch of {@code mailbox}, taken at {@code now}; loop protection counts per
   * day (UTC).
   */
  Screen of(Mailbox mailbox, IngestRules rules, Instant now) {
    return new Screen(mailbox, rules, LocalDate.ofInstant(now, ZoneOffset.UTC));
  }

  /** What one batch's screening found; {@link #close} writes it on the mailbox. */
  final class Screen {
    private final Mailbox mailbox;
    private final IngestRules rules;
    private final LocalDate today;
    private final List<String> heldSenders = new ArrayList<>();
    private final List<String> newlyHeld = new ArrayList<>();
    private long filteredCount;
    private Fetched lastFiltered;

    private Screen(Mailbox mailbox, IngestRules rules, LocalDate today) {
      this.mailbox = mailbox;
      this.rules = rules;
      this.today = today;
    }

    /**
     * Whether the mailbox's incoming filter leaves the message out; counted, then: it is not a
     * record and not a source, and the action after processing never touches it (issue 16).
     */
    boolean filtersOut(Fetched message) {
      ParsedMessage parsed = message.parsed();
      boolean passes =
          rules
              .filter()
              .takes(
                  () -> correspondents.answersOurEmail(parsed, rules.trackingTokenPrefix()),
                  () -> correspondents.isKnown(parsed.content().from()));
      if (!passes) {
        filteredCount++;
        lastFiltered = message;
        LOGGER.log(
            System.Logger.Level.DEBUG,
            "{0} left out by the mailbox's incoming filter",
            message.key());
      }
      return !passes;
    }

    /**
     * Whether loop protection holds the message: an automatic message from a sender that sent this
     * mailbox more than the limit today. Delivery status notifications are not counted: they close
     * the loop on email SyncPost sent, and nobody answers them (their return path is empty).
     */
    boolean holdsAsLoop(ParsedMessage parsed) {
      if (!parsed.autoSubmitted() || parsed.deliveryReport() != null) {
        return false;
      }
      String address = Correspondents.addressOf(parsed.content().from());
      String sender = address == null || address.length() > 320 ? "(no sender address)" : address;
      LoopGuard.Verdict verdict = loopGuard.count(mailbox.getId(), sender, today);
      if (verdict.holds()) {
        heldSenders.add(sender);
      }
      if (verdict == LoopGuard.Verdict.HOLD_FIRST) {
        newlyHeld.add(sender);
      }
      return verdict.holds();
    }

    /** Raises the loop alerts and counts what was left out and held, in the batch's transaction. */
    void close() {
      // alerts first: their own transactions read the mailbox row these updates then lock
      newlyHeld.forEach(this::alertLoop);
      countFiltered();
      countHeld();
    }

    /** One update statement, in the batch's transaction: the count commits with the cursor. */
    private void countFiltered() {
      if (filteredCount == 0) {
        return;
      }
      ParsedMessage parsed = lastFiltered.parsed();
      Instant date =
          lastFiltered.receivedOn() != null ? lastFiltered.receivedOn() : parsed.sentOn();
      em.createQuery(
              "update Mailbox m set m.filteredOut.count = m.filteredOut.count + :n,"
                  + " m.filteredOut.lastMessageId = :messageId, m.filteredOut.lastFrom = :from,"
                  + " m.filteredOut.lastDate = :date where m.id = :id")
          .setParameter("n", filteredCount)
          .setParameter("messageId", clamp(parsed.content().messageId()))
          .setParameter("from", clamp(parsed.content().from()))
          .setParameter("date", date == null ? null : date.atOffset(ZoneOffset.UTC))
          .setParameter("id", mailbox.getId())
          .executeUpdate();
    }

    private void countHeld() {
      if (heldSenders.isEmpty()) {
        return;
      }
      em.createQuery(
              "update Mailbox m set m.heldAsLoop.count = m.heldAsLoop.count + :n,"
                  + " m.heldAsLoop.lastSender = :sender where m.id = :id")
          .setParameter("n", (long) heldSenders.size())
          .setParameter("sender", heldSenders.get(heldSenders.size() - 1))
          .setParameter("id", mailbox.getId())
          .executeUpdate();
    }

    /**
     * One warning per sender and day, to the mailbox's owner; the alert wall counts repeats. Raised
     * in a transaction of its own: should this batch roll back, its replay raises it again, which
     * is counted on the same alert.
     */
    private void alertLoop(String sender) {
      alerts.raise(
          AlertNotice.aboutMailbox(
              AlertLevel.WARNING,
              "incoming-loop-held",
              mailbox.getId(),
              "The mailbox '"
                  + mailbox.getName()
                  + "' received more than "
                  + loopGuard.limit()
                  + " automatic messages (auto-replies, bulk mail) from "
                  + sender
                  + " today. SyncPost keeps further automatic messages from that sender out of"
                  + " the records until the end of the day (UTC); they stay on the mail server.",
              "Look for an auto-responder or a forwarding rule that answers this mailbox's mail,"
                  + " and stop it. The mailbox page shows how many messages were held.",
              null));
    }

    private static String clamp(String value) {
      return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
    }
  }
}
