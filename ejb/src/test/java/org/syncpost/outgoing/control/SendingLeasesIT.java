package org.syncpost.outgoing.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.AsAdministrator;
import org.syncpost.container.EmailFixtures;
import org.syncpost.container.RowLocks;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.lease.control.LeaseLedger;
import org.syncpost.outgoing.entity.DeliveryOutcome;
import org.syncpost.outgoing.entity.OutgoingMessage;
import org.syncpost.outgoing.entity.SentEmail;
import org.syncpost.testing.Eventually;

/**
 * Several nodes share the outgoing records: a batch this node is still sending when its lease would
 * have run out is not taken by a second sender (the node's outgoing ticks renew it), while the
 * batch of a node that claimed and died is taken over once its lease ran out; a batch recorded sent
 * leaves a record claimed again meanwhile to its new sender.
 */
@ExtendWith(ArquillianExtension.class)
class SendingLeasesIT {

  /** Long enough for the dead node's batch to be seen waiting before it is taken over. */
  private static final Duration SHORT_LEASE = Duration.ofSeconds(4);

  private static final int BATCH = 3;

  @Inject AsAdministrator admin;
  @Inject EmailFixtures emails;
  @Inject OutgoingLedger ledger;
  @Inject SendingLeases leases;
  @Inject LeaseLedger leaseLedger;
  @Inject RowLocks rowLocks;
  @Inject Clock clock;

  @Test
  void aBatchSentLongerThanItsLeaseIsNotClaimedByASecondSenderWhileADeadNodesBatchIs()
      throws Exception {
    long sendingHere = admin.newMailbox("slow-batch");
    long ofDeadNode = admin.newMailbox("dead-node");
    for (int i = 0; i < BATCH; i++) {
      emails.pendingOutgoing(sendingHere, "slow " + i);
      emails.pendingOutgoing(ofDeadNode, "orphaned " + i);
    }
    Instant claimedAt = Instant.now();
    // this node is sending one batch (to a server that answers slowly) as MailboxSender does
    List<OutgoingMessage> slowBatch =
        ledger.claim(sendingHere, claimedAt, claimedAt.plus(SHORT_LEASE), BATCH);
    leases.hold(slowBatch);
    // a node that claimed the other batch and died renews nothing
    List<OutgoingMessage> deadNodesBatch =
        ledger.claim(ofDeadNode, claimedAt, claimedAt.plus(SHORT_LEASE), BATCH);
    try {
      List<OutgoingMessage> takenOver = secondSenderClaims(ofDeadNode, Duration.ofSeconds(60));
      Instant tookOverAt = Instant.now();
      List<OutgoingMessage> stillBeingSent = secondSenderClaims(sendingHere, Duration.ZERO);

      assertThat(slowBatch).hasSize(BATCH);
      assertThat(deadNodesBatch).hasSize(BATCH);
      assertThat(tookOverAt)
          .as("taken over only after the lease")
          .isAfter(claimedAt.plus(SHORT_LEASE));
      assertThat(takenOver)
          .extracting(OutgoingMessage::recordId)
          .containsExactlyElementsOf(
              deadNodesBatch.stream().map(OutgoingMessage::recordId).toList());
      assertThat(takenOver).extracting(OutgoingMessage::attempt).containsOnly(2);
      assertThat(stillBeingSent).as("the batch this node is still sending").isEmpty();
    } finally {
      leases.letGo(slowBatch);
    }
  }

  @Test
  void aSentBatchRecordsItsRecordsButLeavesOneClaimedAgainOrReturnedMeanwhile() {
    long mailboxId = admin.newMailbox("sent-meanwhile");
    long kept = emails.pendingOutgoing(mailboxId, "kept");
    long claimedAgain = emails.pendingOutgoing(mailboxId, "claimed again");
    long returned = emails.pendingOutgoing(mailboxId, "returned");
    Instant now = clock.instant();
    List<OutgoingMessage> batch = ledger.claim(mailboxId, now, now.plusSeconds(300), BATCH);
    // meanwhile its lease ran out and another sender took it: attempt 2
    ledger.retryLater(claimedAgain, "lease ran out", now.minusSeconds(1));
    List<OutgoingMessage> takenOver = ledger.claim(mailboxId, now, now.plusSeconds(300), BATCH);
    ledger.returnUnsent(returned, "taken back");

    int recorded =
        ledger.sent(
            batch.stream()
                .map(m -> new SentEmail(m.recordId(), m.attempt(), now, DeliveryOutcome.sent(null)))
                .toList());

    assertThat(batch).hasSize(BATCH);
    assertThat(takenOver).extracting(OutgoingMessage::recordId).containsExactly(claimedAgain);
    assertThat(recorded).isOne();
    assertThat(List.of(kept, claimedAgain, returned))
        .map(id -> emails.record(id))
        .extracting(r -> r.getStatus() + " " + r.getDeliveryAttempts())
        .containsExactly("SENT 1", "SENDING 2", "PENDING_SEND 0");
  }

  /**
   * A tick renews the leases of every batch the node is sending while a sender records its own
   * batch SENT, so both write the same rows. Were the renewal to wait for a row (here one that a
   * third transaction holds for a moment) after taking some of the batch's, and the SENT to take
   * the others first, each would wait for the other: PostgreSQL breaks such a deadlock by aborting
   * one of them, and a SENT aborted so leaves its batch SENDING, to be sent again when its lease
   * ends. The renewal passes by rows another transaction holds instead (renewed at the next tick),
   * so the SENT is recorded and neither fails.
   */
  @Test
  void aBatchIsRecordedSentWhileTheTickRenewsItsLeasesAndARowIsHeldElsewhere() throws Exception {
    long mailboxId = admin.newMailbox("renewed-while-sent");
    for (int i = 0; i < BATCH; i++) {
      emails.pendingOutgoing(mailboxId, "renewed while sent " + i);
    }
    Instant now = clock.instant();
    List<OutgoingMessage> claimed = ledger.claim(mailboxId, now, now.plusSeconds(300), BATCH);
    Map<Long, Integer> attempts = new LinkedHashMap<>();
    claimed.forEach(m -> attempts.put(m.recordId(), m.attempt()));
    long heldElsewhere = claimed.get(BATCH - 1).recordId();
    // the batch being recorded SENT, in the order its UPDATE will lock its rows
    List<Long> batch =
        rowLocks.inUpdateOrder(
            "email_record", claimed.subList(0, BATCH - 1).stream().map(m -> m.recordId()).toList());
    // the renewal's order (the order of the node's map of leases): the SENT's last row first
    Map<Long, Integer> held = new LinkedHashMap<>();
    held.put(batch.get(1), attempts.get(batch.get(1)));
    held.put(heldElsewhere, attempts.get(heldElsewhere));
    held.put(batch.get(0), attempts.get(batch.get(0)));
    Future<List<Long>> renewal;
    Future<Integer> recorded;

    try (RowLocks.Held lock = rowLocks.lock("email_record", heldElsewhere)) {
      renewal =
          executor()
              .submit(() -> leaseLedger.renew(SendingLeases.SENDING, held, now.plusSeconds(600)));
      awaitDoneOrWaiting(renewal, 1);
      recorded =
          executor()
              .submit(
                  () ->
                      ledger.sent(
                          batch.stream()
                              .map(
                                  id ->
                                      new SentEmail(
                                          id, attempts.get(id), now, DeliveryOutcome.sent(null)))
                              .toList()));
      awaitDoneOrWaiting(recorded, 2);
    }

    assertThat(recorded.get(60, TimeUnit.SECONDS)).as("recorded SENT").isEqualTo(batch.size());
    assertThat(renewal.get(60, TimeUnit.SECONDS)).as("leases no longer this node's").isEmpty();
  }

  /** Until the work is done or as many sessions as {@code waiters} wait for a row lock. */
  private void awaitDoneOrWaiting(Future<?> work, int waiters) {
    Eventually.within(
        Duration.ofSeconds(30),
        "the transaction to end or to wait for a row",
        () -> work.isDone() || rowLocks.waiting() >= waiters);
  }

  private static ManagedExecutorService executor() throws Exception {
    return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
  }

  /**
   * The claim's conditional UPDATE repeats {@link EmailRecord#startSending}'s rule: for a record in
   * every status, it takes exactly those the entity lets start sending, and leaves them as the
   * entity would.
   */
  @Test
  void aClaimTakesExactlyTheRecordsThatMayStartSendingAndChangesThemAsStartSendingDoes() {
    long mailboxId = admin.newMailbox("claim-rule");
    Map<Long, EmailRecord> before = new LinkedHashMap<>();
    for (EmailStatus status : EmailStatus.values()) {
      long id = emails.outgoingIn(mailboxId, "in " + status, status);
      before.put(id, emails.record(id));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant leaseUntil = now.plusSeconds(300);

    List<Long> claimed =
        ledger.claim(mailboxId, now, leaseUntil, before.size()).stream()
            .map(OutgoingMessage::recordId)
            .toList();

    before.forEach(
        (id, expected) -> {
          boolean mayStart = startsSending(expected, now, leaseUntil);
          EmailRecord after = emails.record(id);
          assertThat(claimed.contains(id))
              .as("claimed in %s", expected.getStatus())
              .isEqualTo(mayStart);
          assertThat(stateOf(after)).as("record %s", id).isEqualTo(stateOf(expected));
        });
  }

  /**
   * Recording a batch SENT is one conditional UPDATE repeating {@link EmailRecord#sent}'s rule: for
   * a record in every status (and one claimed after an earlier error, with a backoff and a lease),
   * it records exactly those the entity lets be sent, and leaves them as the entity would.
   */
  @Test
  void recordingSentChangesExactlyTheRecordsThatMayBeSentAndAsSentDoes() {
    long mailboxId = admin.newMailbox("sent-rule");
    long retriedMailboxId = admin.newMailbox("sent-rule-retried");
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    long retried = emails.pendingOutgoing(retriedMailboxId, "retried");
    ledger.claim(retriedMailboxId, now, now.plusSeconds(300), 1);
    ledger.retryLater(retried, "the server asked to try again later", now.minusSeconds(1));
    ledger.claim(retriedMailboxId, now, now.plusSeconds(300), 1);
    Map<Long, EmailRecord> before = new LinkedHashMap<>();
    before.put(retried, emails.record(retried));
    for (EmailStatus status : EmailStatus.values()) {
      long id = emails.outgoingIn(mailboxId, "in " + status, status);
      before.put(id, emails.record(id));
    }
    Instant sentAt = now.plusSeconds(1);

    int recorded =
        ledger.sent(
            before.values().stream()
                .map(
                    r ->
                        new SentEmail(
                            r.getId(), r.getDeliveryAttempts(), sentAt, DeliveryOutcome.sent(null)))
                .toList());

    int maySend = 0;
    for (Map.Entry<Long, EmailRecord> entry : before.entrySet()) {
      EmailRecord expected = entry.getValue();
      String status = expected.getStatus().name();
      try {
        expected.sent(sentAt, null);
        maySend++;
      } catch (RuntimeException refused) {
        // left as it is
      }
      assertThat(sentStateOf(emails.record(entry.getKey())))
          .as("record %s in %s", entry.getKey(), status)
          .isEqualTo(sentStateOf(expected));
    }
    assertThat(before.get(retried).getStatus()).isEqualTo(EmailStatus.SENT);
    assertThat(recorded).isEqualTo(maySend);
  }

  private static String sentStateOf(EmailRecord record) {
    return stateOf(record)
        + " sentOn="
        + record.getSentOn()
        + " error="
        + record.getLastDeliveryError()
        + " next="
        + record.getNextAttemptAt();
  }

  private static boolean startsSending(EmailRecord record, Instant at, Instant leaseUntil) {
    try {
      record.startSending(at, leaseUntil);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  private static String stateOf(EmailRecord record) {
    return record.getStatus()
        + " attempts="
        + record.getDeliveryAttempts()
        + " lease="
        + record.getSendingLeaseUntil();
  }

  /**
   * What the outgoing ticks do, until a second node gets some of the mailbox's records or {@code
   * patience} passed: this node renews the leases it holds (as its own tick does; the schedulers
   * are off in the container tests), then the second node puts records whose lease ran out back to
   * pending and claims.
   */
  private List<OutgoingMessage> secondSenderClaims(long mailboxId, Duration patience)
      throws InterruptedException {
    return Eventually.lastWithin(
        patience,
        () -> {
          Instant now = Instant.now();
          leases.renewHeld(now.plus(SHORT_LEASE));
          ledger.releaseExpiredLeases(now);
          return ledger.claim(mailboxId, now, now.plusSeconds(300), BATCH);
        },
        claimed -> !claimed.isEmpty());
  }
}
