package org.syncpost.incoming.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.incoming.control.FolderSynchronizer.FolderCursor;
import org.syncpost.incoming.entity.SyncCursor;
import org.syncpost.incoming.entity.SyncStatus;
import org.syncpost.mailbox.control.Endpoints;
import org.syncpost.mailbox.control.MailboxEvents;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.EmailSettings;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.entity.NotFound;

/**
 * The short transactions around a cycle: reading its plan, recording how it went. *
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: only so are
 * its transactions atomic on a managed executor's threads (ADR 0011).
 */
@Stateless
public class IncomingRecords {

  /** Back-off is spread by ±20 % so that mailboxes failing together do not retry together. */
  private static final double JITTER = 0.2;

  /** How often the scheduler looks for due mailboxes when nothing else wakes it. */
  public static final String TICK_SECONDS = "syncpost.incoming.tick-seconds";

  @Inject
  @ConfigProperty(name = TICK_SECONDS, defaultValue = "10")
  int tickSeconds = 10;

  @PersistenceContext EntityManager em;
  @Inject MailboxEvents mailboxEvents;
  @Inject Endpoints endpoints;
  @Inject Clock clock;
  @Inject MailboxLeases leases;
  @Inject IncomingStatements statements;

  /**
   * The plan of a cycle beginning now ("sync now", or the next share of a capped scheduled cycle; a
   * scheduled cycle's first plan comes with its claim, {@link #claimDue}). Reads only: the cycle's
   * start is recorded with its outcome, so that the plan writes nothing (each commit is a write to
   * the database file, ADR 0011).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public CyclePlan begin(long mailboxId) {
    return plan(mailboxId);
  }

  /**
   * Claims the mailbox's cycle lease for {@code node} while its poll is still due ({@link
   * MailboxLeases#claimDueWithin}) and reads the plan of its cycle, in one transaction: a scheduled
   * quiet poll commits twice, here and with its outcome (which gives the lease back).
   *
   * @return the plan, or {@code null} when another node or "sync now" was quicker
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public CyclePlan claimDue(long mailboxId, String node, Instant now, Instant until) {
    if (!leases.claimDueWithin(mailboxId, node, now, until)) {
      return null;
    }
    return plan(mailboxId);
  }

  private CyclePlan plan(long mailboxId) {
    Mailbox mailbox = mailbox(mailboxId);
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    if (!mailbox.processesIncoming() || !mailbox.getIncoming().isEnabled() || !mailbox.isActive()) {
      return CyclePlan.refused(mailboxId, mailbox.getName(), SyncStatus.NOT_ENABLED);
    }
    if (!mailbox.isApprovedFor(organisation)) {
      return CyclePlan.refused(mailboxId, mailbox.getName(), SyncStatus.NOT_APPROVED);
    }
    Instant startedAt = clock.instant();
    EmailSettings settings = organisation.asEmailSettings();
    Endpoint endpoint = null;
    MailServerFailure unusable = null;
    try {
      endpoint = endpoints.incomingOf(mailbox, organisation);
    } catch (MailServerFailure failure) {
      unusable = failure;
    }
    Map<String, FolderCursor> cursors = new HashMap<>();
    em.createNamedQuery(SyncCursor.OF_MAILBOX, SyncCursor.class)
        .setParameter("mailboxId", mailboxId)
        .getResultList()
        .forEach(
            c -> cursors.put(c.getFolder(), new FolderCursor(c.getUidValidity(), c.getLastUid())));
    EmailServerProfile profile = mailbox.getProfile();
    IngestRules rules = rulesOf(mailbox, settings);
    return new CyclePlan(
        mailboxId,
        mailbox.getName(),
        null,
        endpoint,
        unusable,
        mailbox.getHandling().folderList(),
        cursors,
        rules,
        settings.transientRetryCount(),
        settings.transientRetryIntervalMinutes(),
        settings.disabledRetestMinutes(),
        profile == null ? 0 : profile.getMinPollingIntervalMinutes(),
        profile == null ? null : profile.getId(),
        profile == null ? 1 : Math.max(profile.getMaxConcurrentConnections(), 1),
        startedAt,
        mailbox.getLastError().getCode() != null);
  }

  /**
   * The most connections incoming work may hold on a node: every profile's maximum concurrent
   * connections, and one for each mailbox without a profile. More cycles at once than this would
   * only wait for a connection slot.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long connectionBudgets() {
    Number profiles =
        (Number)
            em.createQuery(
                    "select coalesce(sum(p.maxConcurrentConnections), 0) from EmailServerProfile p")
                .getSingleResult();
    Number alone =
        (Number)
            em.createQuery("select count(m) from Mailbox m where m.profile is null")
                .getSingleResult();
    return profiles.longValue() + alone.longValue();
  }

  /** The rules a mailbox's received mail is taken by, e.g. for a quarantine retry. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public IngestRules rulesFor(long mailboxId) {
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    return rulesOf(mailbox(mailboxId), organisation.asEmailSettings());
  }

  private static IngestRules rulesOf(Mailbox mailbox, EmailSettings settings) {
    EmailServerProfile profile = mailbox.getProfile();
    return new IngestRules(
        settings.maxAttachmentSizeKb() * 1024L,
        settings.maxIncomingMessageSizeMb() * 1024L * 1024L,
        later(
            profile == null ? null : profile.getProcessEmailFrom(),
            mailbox.getHandling().getProcessEmailReceivedAfter()),
        settings.correlationEnabled(),
        settings.correlationEnabled() ? settings.trackingTokenPrefix() : null,
        mailbox.getHandling().getActionAfterProcessing(),
        mailbox.getHandling().getMoveToFolder(),
        mailbox.incomingFilter(settings.incomingFilter()));
  }

  /**
   * The cycle read every folder (or stopped at its cap, {@code moreWaiting}, and goes on at once).
   * The next poll is counted from this cycle's start, not its end: polls of a mailbox start the
   * profile's minimum polling interval apart, as the profile promises, and a mailbox polled every
   * minute is polled once a minute, not once every minute plus a cycle plus the wait for a slot
   * (ScaleBenchmark: 0.66 polls per mailbox-minute). An interval of 0 ("as often as possible")
   * means once a scheduler tick, not in a loop.
   *
   * @param leaseHolder the holder whose cycle lease goes back in this same transaction (a scheduled
   *     cycle's last share), or {@code null} to keep it (a share the cycle goes on from, "sync
   *     now", which gives its lease back itself)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void succeeded(
      CyclePlan plan, BatchResult taken, boolean moreWaiting, String leaseHolder) {
    Instant now = clock.instant();
    // one UPDATE, not the whole entity loaded and compared at commit: a quiet poll's one write
    if (!statements.succeeded(plan, taken, now, moreWaiting ? now : nextPoll(plan, now))) {
      throw new NotFound("mailbox", plan.mailboxId());
    }
    giveBack(plan, leaseHolder);
  }

  /** One commit for the outcome and the lease: each commit writes the database file (ADR 0011). */
  private void giveBack(CyclePlan plan, String leaseHolder) {
    if (leaseHolder != null) {
      leases.releaseWithOutcome(plan.mailboxId(), leaseHolder);
    }
  }

  /** The mailbox of a cycle whose outcome is recorded now, with the cycle's start. */
  private Mailbox started(CyclePlan plan) {
    Mailbox mailbox = mailbox(plan.mailboxId());
    mailbox.incomingSyncStarted(plan.startedAt());
    return mailbox;
  }

  private Instant nextPoll(CyclePlan plan, Instant now) {
    Duration interval = Duration.ofMinutes(plan.minPollingIntervalMinutes());
    Duration tick = Duration.ofSeconds(Math.max(tickSeconds, 1));
    Duration gap = interval.compareTo(tick) < 0 ? tick : interval;
    return (plan.startedAt() == null ? now : plan.startedAt()).plus(gap);
  }

  /** What the error policy made of a failed cycle. */
  public record Verdict(SyncStatus status, int attempt, Instant retryAt) {}

  /**
   * A transient failure is retried after the organisation's interval (with jitter) until the retry
   * count is used up; a permanent one, or the last transient one, disables incoming.
   *
   * @param leaseHolder as for {@link #succeeded}
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Verdict failed(CyclePlan plan, MailServerFailure failure, String leaseHolder) {
    Mailbox mailbox = started(plan);
    MailboxEvents.Enablement before = MailboxEvents.Enablement.of(mailbox);
    Instant retryAt = clock.instant().plus(backoff(plan.retryIntervalMinutes()));
    boolean retrying =
        mailbox.incomingSyncFailed(
            failure.failureCause().code(),
            failure.getMessage(),
            failure.isTransient(),
            plan.retryCount(),
            retryAt,
            clock.instant().plus(Duration.ofMinutes(plan.retestMinutes())));
    mailboxEvents.announceChanges(mailbox, before);
    giveBack(plan, leaseHolder);
    return retrying
        ? new Verdict(SyncStatus.RETRYING, mailbox.getHealth().getTransientFailures(), retryAt)
        : new Verdict(SyncStatus.DISABLED, mailbox.getHealth().getTransientFailures(), null);
  }

  /** An unapproved mailbox is looked at again after the retry interval, not polled. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void postpone(long mailboxId, int minutes) {
    mailbox(mailboxId).postponeIncoming(clock.instant().plus(Duration.ofMinutes(minutes)));
  }

  /** The longest wait between two re-tests of a mailbox the error policy disabled. */
  private static final Duration LONGEST_RETEST_WAIT = Duration.ofHours(8);

  /**
   * Mailboxes the error policy disabled whose re-test is due and whose lease is free, longest
   * waiting first.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> retestsDue(Instant now, int limit) {
    List<?> ids =
        em.createNativeQuery(
                "select id from mailbox where incoming_disabled_by_policy = true"
                    + " and enabled_for_incoming = false and active = true"
                    + " and incoming_delivery_method = 'SERVER_SIDE_SYNC'"
                    + " and incoming_retest_at <= ?1"
                    + " and (lease_owner is null or lease_until < ?1)"
                    + " order by incoming_retest_at, id")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setMaxResults(limit)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  /**
   * A re-test passed: incoming is enabled again, unless an administrator took the mailbox over
   * meanwhile.
   *
   * @return whether it was enabled
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean retestPassed(long mailboxId) {
    Mailbox mailbox = mailbox(mailboxId);
    Instant now = clock.instant();
    if (!mailbox.isIncomingRetestDue(now)) {
      return false;
    }
    MailboxEvents.Enablement before = MailboxEvents.Enablement.of(mailbox);
    mailbox.incomingRetestPassed(now);
    mailboxEvents.announceChanges(mailbox, before);
    return true;
  }

  /** A re-test failed: the wait before the next one doubles, up to eight hours. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void retestFailed(long mailboxId, String code, String text) {
    Mailbox mailbox = mailbox(mailboxId);
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    Duration first =
        Duration.ofMinutes(Math.max(organisation.asEmailSettings().disabledRetestMinutes(), 1));
    Duration wait = first.multipliedBy(1L << Math.min(mailbox.getRetest().getRetests() + 1, 10));
    if (wait.compareTo(LONGEST_RETEST_WAIT) > 0) {
      wait = LONGEST_RETEST_WAIT;
    }
    mailbox.incomingRetestFailed(code, text, clock.instant().plus(wait));
  }

  static Duration backoff(int intervalMinutes) {
    long base = Duration.ofMinutes(Math.max(intervalMinutes, 1)).toMillis();
    double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
    return Duration.ofMillis((long) (base * factor));
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private Mailbox mailbox(long mailboxId) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    if (mailbox == null) {
      throw new NotFound("mailbox", mailboxId);
    }
    return mailbox;
  }
}
