package org.syncpost.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.container.UniqueNames.unique;

import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.AsAdministrator;
import org.syncpost.container.CyclePlans;
import org.syncpost.container.EmailFixtures;
import org.syncpost.container.MailboxFixtures;
import org.syncpost.email.entity.EmailContent;
import org.syncpost.email.entity.TrackingToken;
import org.syncpost.incoming.control.BatchResult;
import org.syncpost.incoming.control.CyclePlan;
import org.syncpost.incoming.control.IncomingRecords;
import org.syncpost.incoming.control.MailboxLeases;
import org.syncpost.incoming.control.PushRecords;
import org.syncpost.mailbox.entity.IncomingHealth;
import org.syncpost.mailbox.entity.LastError;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.PushSetting;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.ProfileSettingsBuilder;
import org.syncpost.profile.entity.ServerType;

/** Leases and correlation against the real database, in the container. */
@ExtendWith(ArquillianExtension.class)
class IncomingIT {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Inject AsAdministrator admin;
  @Inject MailboxLeases leases;
  @Inject EmailFixtures emails;
  @Inject MailboxFixtures mailboxes;
  @Inject IncomingRecords records;
  @Inject PushRecords pushRecords;
  @Inject Profiles profiles;

  private long newMailbox() {
    return admin.newMailbox("lease");
  }

  /**
   * {@link IncomingRecords#retestsDue}'s query repeats {@link Mailbox#isIncomingRetestDue}: for a
   * mailbox whose re-test is due and for one variant per condition of the rule, both say the same.
   */
  @Test
  void theRetestQueryFindsExactlyTheMailboxesWhoseRetestIsDue() throws Exception {
    Map<String, String> dueRow = new LinkedHashMap<>();
    dueRow.put("incoming_disabled_by_policy", "true");
    dueRow.put("enabled_for_incoming", "false");
    dueRow.put("active", "true");
    dueRow.put("incoming_delivery_method", "'SERVER_SIDE_SYNC'");
    dueRow.put("incoming_retest_at", "?");
    OffsetDateTime past = NOW.minusSeconds(60).atOffset(ZoneOffset.UTC);
    OffsetDateTime future = NOW.plusSeconds(60).atOffset(ZoneOffset.UTC);
    Map<String, Long> variants = new LinkedHashMap<>();
    for (String[] change :
        new String[][] {
          {"incoming_disabled_by_policy", "true"},
          {"incoming_disabled_by_policy", "false"},
          {"enabled_for_incoming", "true"},
          {"active", "false"},
          {"incoming_delivery_method", "'NONE'"},
          {"incoming_retest_at", "null"},
          {"incoming_retest_at", "future"}
        }) {
      Map<String, String> row = new LinkedHashMap<>(dueRow);
      boolean retestInFuture = change[1].equals("future");
      if (!retestInFuture) {
        row.put(change[0], change[1]);
      }
      long mailboxId = admin.newMailbox("retest");
      String assignments =
          row.entrySet().stream()
              .map(column -> column.getKey() + " = " + column.getValue())
              .collect(Collectors.joining(", "));
      if (row.get("incoming_retest_at").equals("?")) {
        mailboxes.set(mailboxId, assignments, retestInFuture ? future : past);
      } else {
        mailboxes.set(mailboxId, assignments);
      }
      variants.put(String.join(" = ", change), mailboxId);
    }

    List<Long> found = records.retestsDue(NOW, 10_000);

    variants.forEach(
        (variant, mailboxId) ->
            assertThat(found.contains(mailboxId))
                .as(variant)
                .isEqualTo(mailboxes.mailbox(mailboxId).isIncomingRetestDue(NOW)));
    assertThat(found)
        .as("the due one")
        .contains(variants.get("incoming_disabled_by_policy = true"));
  }

  /**
   * {@link PushRecords#wanted}'s query repeats {@link Mailbox#wantsPush} (server type, the
   * mailbox's push setting, the profile's): for every combination of the three, on mailboxes that
   * are otherwise listened to, the query finds exactly the ones the entity says want push.
   */
  @Test
  void thePushQueryFindsExactlyTheMailboxesThatWantPush() throws Exception {
    Map<String, Long> variants = new LinkedHashMap<>();
    for (ServerType serverType : ServerType.values()) {
      for (boolean profilePush : new boolean[] {true, false}) {
        ProfileSettingsBuilder settings =
            serverType == ServerType.POP3_SMTP
                ? ProfileSettingsBuilder.pop3()
                : ProfileSettingsBuilder.imap();
        long profileId =
            admin
                .call(
                    () ->
                        profiles.create(
                            settings.name(unique("push")).pushIncomingEmail(profilePush).build()))
                .getId();
        for (PushSetting push : PushSetting.values()) {
          long mailboxId = admin.newMailbox("push");
          mailboxes.set(
              mailboxId,
              "profile_id = ?, push_incoming_email = ?, enabled_for_incoming = true, active = true,"
                  + " incoming_delivery_method = 'SERVER_SIDE_SYNC', approval_status = 'APPROVED',"
                  + " idle_owner = null",
              profileId,
              push.name());
          variants.put(serverType + ", profile push " + profilePush + ", " + push, mailboxId);
        }
      }
    }

    // the deployment's own push listeners lease these mailboxes as soon as they want push: a day
    // ahead, every IDLE lease has run out, so only the push rule decides
    List<Long> found = pushRecords.wanted("node-push", Instant.now().plus(Duration.ofDays(1)));

    variants.forEach(
        (variant, mailboxId) ->
            assertThat(found.contains(mailboxId))
                .as(variant)
                .isEqualTo(mailboxes.mailbox(mailboxId).wantsPush()));
    assertThat(variants.values()).as("some want push").anyMatch(found::contains);
  }

  @Test
  void twoNodesClaimingAtOnceNeverBothGetTheLease() throws Exception {
    long mailboxId = newMailbox();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Integer> winnersPerRound = new ArrayList<>();
    try {
      for (int round = 0; round < 25; round++) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
          Callable<Boolean> claim =
              () -> {
                together.await();
                return leases.claim(mailboxId, node, NOW, NOW.plusSeconds(600));
              };
          claims.add(nodes.submit(claim));
        }
        int winners = 0;
        for (Future<Boolean> claim : claims) {
          winners += claim.get() ? 1 : 0;
        }
        winnersPerRound.add(winners);
        leases.release(mailboxId, "node-a");
        leases.release(mailboxId, "node-b");
      }
    } finally {
      nodes.shutdownNow();
    }

    assertThat(winnersPerRound).hasSize(25).containsOnly(1);
  }

  /**
   * {@link IncomingRecords#claimDue}'s condition (the scheduler's claim, which reads the cycle's
   * plan in the same transaction) repeats {@link
   * org.syncpost.mailbox.entity.IncomingHealth#isPollDue}: a mailbox read as due a moment ago but
   * polled since (its next poll moved ahead) is not claimed, one still due is, with its plan.
   */
  @Test
  void aMailboxIsClaimedAsDueExactlyWhenItsPollIsStillDue() throws Exception {
    Map<String, Long> variants = new LinkedHashMap<>();
    Map<String, Object> nextPolls = new LinkedHashMap<>();
    nextPolls.put("never polled", null);
    nextPolls.put("due a minute ago", NOW.minusSeconds(60).atOffset(ZoneOffset.UTC));
    nextPolls.put("due now", NOW.atOffset(ZoneOffset.UTC));
    nextPolls.put("polled since, due in a minute", NOW.plusSeconds(60).atOffset(ZoneOffset.UTC));
    nextPolls.forEach(
        (variant, nextPoll) -> {
          long mailboxId = newMailbox();
          if (nextPoll == null) {
            mailboxes.set(mailboxId, "next_incoming_poll_at = null");
          } else {
            mailboxes.set(mailboxId, "next_incoming_poll_at = ?", nextPoll);
          }
          variants.put(variant, mailboxId);
        });

    Map<String, Boolean> claimed = new LinkedHashMap<>();
    Map<String, Boolean> due = new LinkedHashMap<>();
    variants.forEach(
        (variant, mailboxId) -> {
          CyclePlan plan = records.claimDue(mailboxId, "node", NOW, NOW.plusSeconds(600));
          claimed.put(variant, plan != null);
          if (plan != null) {
            assertThat(plan.mailboxId()).as("the plan of the claimed mailbox").isEqualTo(mailboxId);
          }
          due.put(variant, mailboxes.mailbox(mailboxId).getHealth().isPollDue(NOW));
          leases.release(mailboxId, "node");
        });

    assertThat(claimed).isEqualTo(due).containsValue(true).containsValue(false);
  }

  /**
   * A scheduled cycle's outcome, succeeded or failed, gives its node's lease back in its own
   * transaction: another node may take the mailbox at once. An outcome recorded without a holder (a
   * share the cycle goes on from, "sync now") keeps the lease.
   */
  @Test
  void aCycleOutcomeGivesItsLeaseBackWhenToldWhose() throws Exception {
    long succeeded = newMailbox();
    long failed = newMailbox();
    long kept = newMailbox();
    for (long mailboxId : List.of(succeeded, failed, kept)) {
      assertThat(leases.claim(mailboxId, "node-a", NOW, NOW.plusSeconds(600))).isTrue();
    }

    records.succeeded(
        CyclePlans.startedAt(succeeded, Instant.now()), BatchResult.NONE, false, "node-a");
    records.failed(
        CyclePlans.startedAt(failed, Instant.now()),
        MailServerFailure.of(FailureCause.CONNECTION_REFUSED, "imap.example.org", null, "refused"),
        "node-a");
    records.succeeded(CyclePlans.startedAt(kept, Instant.now()), BatchResult.NONE, false, null);

    Map<Long, Boolean> takenByAnother = new LinkedHashMap<>();
    for (long mailboxId : List.of(succeeded, failed, kept)) {
      takenByAnother.put(
          mailboxId, leases.claim(mailboxId, "node-b", NOW.plusSeconds(1), NOW.plusSeconds(600)));
      leases.release(mailboxId, "node-b");
      leases.release(mailboxId, "node-a");
    }
    assertThat(takenByAnother).isEqualTo(Map.of(succeeded, true, failed, true, kept, false));
  }

  /**
   * {@link IncomingRecords#succeeded}'s one UPDATE repeats {@link Mailbox#incomingSyncStarted} and
   * {@link Mailbox#incomingSyncSucceeded}: for a row in each state the rule tells apart (never
   * polled, due, woken by push while the cycle ran, errors shown, more waiting), the row it leaves
   * is the entity's, applied to the row as it was.
   */
  @Test
  void aSucceededCycleRecordsWhatTheEntitySays() throws Exception {
    Instant startedAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
    Map<String, Object[]> rows = new LinkedHashMap<>();
    rows.put("never polled", new Object[] {"next_incoming_poll_at = null"});
    rows.put("due before the start", nextPoll(startedAt.minusSeconds(60)));
    rows.put("due at the start", nextPoll(startedAt));
    rows.put("woken while it ran", nextPoll(startedAt.plusSeconds(5)));
    rows.put("moved past its end", nextPoll(startedAt.plusSeconds(3_600)));
    rows.put(
        "retrying, an error shown",
        new Object[] {
          "next_incoming_poll_at = ?, transient_failures = 2, last_error_code = 'timeout',"
              + " last_error_text = 'no answer', consecutive_errors = 3,"
              + " last_sync_started_on = ?, last_sync_succeeded_on = ?",
          startedAt.minusSeconds(10).atOffset(ZoneOffset.UTC),
          startedAt.minusSeconds(600).atOffset(ZoneOffset.UTC),
          startedAt.minusSeconds(900).atOffset(ZoneOffset.UTC)
        });
    BatchResult taken = new BatchResult(3, 1);
    for (boolean moreWaiting : new boolean[] {false, true}) {
      for (Map.Entry<String, Object[]> row : rows.entrySet()) {
        long mailboxId = newMailbox();
        Object[] set = row.getValue();
        mailboxes.set(mailboxId, (String) set[0], Arrays.copyOfRange(set, 1, set.length));
        Mailbox before = mailboxes.mailbox(mailboxId);

        records.succeeded(CyclePlans.startedAt(mailboxId, startedAt), taken, moreWaiting, null);

        Mailbox after = mailboxes.mailbox(mailboxId);
        Instant at = after.getHealth().getLastSyncSucceededOn();
        Instant nextPoll = moreWaiting ? at : startedAt.plusSeconds(60); // polled every minute
        before.incomingSyncStarted(startedAt);
        before.incomingSyncSucceeded(taken.recorded(), taken.quarantined(), at, nextPoll);
        String variant = row.getKey() + (moreWaiting ? ", more waiting" : "");
        assertThat(outcomeColumns(after)).as(variant).isEqualTo(outcomeColumns(before));
      }
    }
  }

  /** What a cycle's outcome writes, field by field (the entity classes are woven: no recursion). */
  private static List<Object> outcomeColumns(Mailbox mailbox) {
    IncomingHealth health = mailbox.getHealth();
    LastError error = mailbox.getLastError();
    return Arrays.asList(
        health.getLastSyncStartedOn(),
        health.getLastSyncSucceededOn(),
        health.getItemsProcessedLastCycle(),
        health.getItemsFailedLastCycle(),
        health.getTransientFailures(),
        health.getNextPollAt(),
        error.getCode(),
        error.getText(),
        error.getConsecutive());
  }

  private static Object[] nextPoll(Instant at) {
    return new Object[] {"next_incoming_poll_at = ?", at.atOffset(ZoneOffset.UTC)};
  }

  @Test
  void aLeaseHeldByAnotherNodeIsTakenOverOnlyAfterItExpires() throws Exception {
    long mailboxId = newMailbox();
    leases.claim(mailboxId, "dead-node", NOW, NOW.plusSeconds(60));

    boolean beforeExpiry =
        leases.claim(mailboxId, "live-node", NOW.plusSeconds(59), NOW.plusSeconds(600));
    boolean afterExpiry =
        leases.claim(mailboxId, "live-node", NOW.plusSeconds(61), NOW.plusSeconds(600));

    assertThat(List.of(beforeExpiry, afterExpiry)).containsExactly(false, true);
  }

  @Test
  void releasingALeaseOfAnotherNodeLeavesItHeld() throws Exception {
    long mailboxId = newMailbox();
    leases.claim(mailboxId, "holder", NOW, NOW.plusSeconds(600));

    leases.release(mailboxId, "someone-else");

    assertThat(leases.claim(mailboxId, "someone-else", NOW.plusSeconds(1), NOW.plusSeconds(600)))
        .isFalse();
  }

  @Test
  void aReplyIsCorrelatedByTheTrackingTokenInItsSubject() throws Exception {
    long mailboxId = newMailbox();
    TrackingToken token = TrackingToken.generate(new SecureRandom());
    long earlier = emails.recordWithToken(mailboxId, token.appendTo("Your order", "SP"), token);
    EmailContent reply =
        new EmailContent(
            "RE: " + token.appendTo("Your order", "SP"),
            "customer@example.net",
            null,
            null,
            null,
            "thanks",
            null,
            "<reply-" + UUID.randomUUID() + "@example.net>",
            "<unknown@example.net>",
            null);

    assertThat(emails.correlate(reply, "SP")).contains(earlier + " TRACKING_TOKEN");
  }
}
