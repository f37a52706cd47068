package org.syncpost.outgoing.control;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.syncpost.audit.control.Actor;
import org.syncpost.email.control.EmailEvents;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.email.entity.TrackingToken;
import org.syncpost.mailbox.control.Endpoints;
import org.syncpost.mailbox.control.MailboxEvents;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.SendingBlock;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.outgoing.entity.OutgoingMessage;
import org.syncpost.outgoing.entity.SendingPlan;
import org.syncpost.outgoing.entity.SendingRate;
import org.syncpost.outgoing.entity.SentEmail;
import org.syncpost.outgoing.entity.SentFolderCopy;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.EmailSettings;
import org.syncpost.settings.entity.OrganisationSettings;

/**
 * The short transactions around sending: which mailboxes have email due, what a mailbox's sending
 * needs, claiming records, and recording each outcome. No transaction stays open while SyncPost
 * talks to an SMTP server.
 *
 * <p>Claiming is a conditional UPDATE ({@code ... where status = 'PENDING_SEND'}): of two nodes
 * claiming one record, exactly one changes a row. Row locks cannot do it on this stack (ADR 0005).
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: called on a
 * managed executor's thread, a CDI transaction's statements committed one by one on Payara Micro 6,
 * so a batch recorded SENT or a claim was not atomic (ADR 0011, {@code TransactionsIT}).
 */
@Stateless
public class OutgoingLedger {

  private static final System.Logger LOGGER = System.getLogger(OutgoingLedger.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject OutgoingStatements statements;

  @Inject EmailEvents emailEvents;
  @Inject MailboxEvents mailboxEvents;
  @Inject Endpoints endpoints;

  /** The sender mailboxes with pending email due at {@code now}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> sendersWithDueEmail(Instant now) {
    return em.createQuery(
            "select distinct e.senderMailbox.id from EmailRecord e where e.direction = :outgoing"
                + " and e.status = :pending"
                + " and (e.delivery.sendAt is null or e.delivery.sendAt <= :now)"
                + " and (e.delivery.nextAttemptAt is null or e.delivery.nextAttemptAt <= :now)",
            Long.class)
        .setParameter("outgoing", Direction.OUTGOING)
        .setParameter("pending", EmailStatus.PENDING_SEND)
        .setParameter("now", now)
        .getResultList();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public SendingPlan plan(long mailboxId) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    EmailServerProfile profile = mailbox.getProfile();
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    EmailSettings settings = organisation.asEmailSettings();
    String blocked = SendingBlock.of(mailbox, organisation).orElse(null);
    Endpoint endpoint = null;
    MailServerFailure unusable = null;
    if (blocked == null) {
      try {
        endpoint = endpoints.outgoingOf(mailbox, organisation);
      } catch (MailServerFailure failure) {
        unusable = failure;
      }
    }
    return new SendingPlan(
        mailboxId,
        mailbox.getName(),
        blocked,
        mailbox.getSendingPostponedUntil(),
        endpoint,
        unusable,
        settings.transientRetryCount(),
        Duration.ofMinutes(settings.transientRetryIntervalMinutes()),
        profile == null ? null : profile.getId(),
        profile == null || profile.getMaxMessagesPerMinute() == null
            ? null
            : new SendingRate(profile.getMaxMessagesPerMinute()),
        blocked == null && mailbox.getHandling().isCopyToSentFolder()
            ? sentFolderOf(mailbox, organisation)
            : null);
  }

  private SentFolderCopy sentFolderOf(Mailbox mailbox, OrganisationSettings organisation) {
    try {
      return new SentFolderCopy(
          mailbox.getHandling().getSentFolder(), endpoints.incomingOf(mailbox, organisation), null);
    } catch (MailServerFailure failure) {
      return new SentFolderCopy(mailbox.getHandling().getSentFolder(), null, failure);
    }
  }

  /** The email was sent, but its copy into the Sent folder failed: the record says so. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void sentCopyFailed(long recordId, String reason) {
    record(recordId).sentCopyFailed(reason);
  }

  /**
   * How many more emails the profile's rate limit lets go at {@code now}: counted from what every
   * node sent in the last minute and is sending now, as the database says.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rateAllowance(long profileId, SendingRate rate, Instant now) {
    List<Instant> sentOn =
        em.createQuery(
                "select e.sentOn from EmailRecord e where e.senderMailbox.profile.id = :profileId"
                    + " and e.status = :sent and e.sentOn > :since",
                Instant.class)
            .setParameter("profileId", profileId)
            .setParameter("sent", EmailStatus.SENT)
            .setParameter("since", SendingRate.windowStart(now))
            .getResultList();
    long sending =
        em.createQuery(
                "select count(e) from EmailRecord e where e.senderMailbox.profile.id = :profileId"
                    + " and e.status = :sending",
                Long.class)
            .setParameter("profileId", profileId)
            .setParameter("sending", EmailStatus.SENDING)
            .getSingleResult();
    return rate.allowance(sentOn, (int) Math.min(sending, Integer.MAX_VALUE), now);
  }

  /**
   * Takes up to {@code limit} due records of the mailbox for sending until {@code leaseUntil}:
   * SENDING, one more attempt counted. One conditional UPDATE picks and takes them and answers the
   * ids it changed ({@code RETURNING} on PostgreSQL, a {@code FINAL TABLE} on H2), then one query
   * reads those records with their attachments.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<OutgoingMessage> claim(long mailboxId, Instant now, Instant leaseUntil, int limit) {
    List<Long> claimed = statements.claimDue(mailboxId, now, leaseUntil, limit);
    if (claimed.isEmpty()) {
      return List.of();
    }
    String tokenPrefix =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID)
            .asEmailSettings()
            .trackingTokenPrefix();
    // one query for the records and their attachments, not one (or two) per record
    return em
        .createQuery(
            "select distinct e from EmailRecord e left join fetch e.attachments"
                + " where e.id in :ids order by e.id",
            EmailRecord.class)
        .setParameter("ids", claimed)
        .getResultList()
        .stream()
        .map(record -> messageOf(record, tokenPrefix))
        .toList();
  }

  /**
   * Records left in SENDING past their lease (their node crashed or stopped) go back to pending, to
   * be sent again with the same Message-ID.
   *
   * @return how many
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int releaseExpiredLeases(Instant now) {
    return em.createNativeQuery(
            "UPDATE email_record SET status = 'PENDING_SEND', sending_lease_until = NULL,"
                + " last_delivery_error = ?, version = version + 1, modified_on = ?,"
                + " modified_by = ? WHERE status = 'SENDING' AND sending_lease_until < ?")
        .setParameter(
            1,
            "SyncPost stopped while sending this email; it is sent again with the same"
                + " Message-ID (receivers may see it twice).")
        .setParameter(2, now.atOffset(ZoneOffset.UTC))
        .setParameter(3, Actor.SYSTEM)
        .setParameter(4, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * Several emails the server accepted, in one transaction. A record that is no longer {@code
   * SENDING} under the attempt this sender claimed (cancelled, deleted, or put back to pending
   * after its lease ran out and claimed again, perhaps by another node) is left as it is: its state
   * is someone else's now, and the others of the batch are still recorded.
   *
   * <p>The emails every recipient took (nearly all) are recorded by one conditional UPDATE that
   * answers the rows it changed, and their events written as one batch; one whose server refused
   * some recipients keeps that in its record, through the entity.
   *
   * @return how many were recorded as sent
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int sent(List<SentEmail> sent) {
    List<SentEmail> plain =
        sent.stream().filter(e -> e.outcome().refusedRecipients() == null).toList();
    List<SentEmail> partly =
        sent.stream().filter(e -> e.outcome().refusedRecipients() != null).toList();
    Set<Long> recorded = new HashSet<>();
    if (!plain.isEmpty()) {
      List<EmailEvents.SentRecord> sentNow = statements.recordSent(plain);
      // the UPDATE is this transaction's first write, so the events commit with it (ADR 0020)
      emailEvents.sent(sentNow);
      sentNow.forEach(r -> recorded.add(r.emailId()));
    }
    for (SentEmail email : partly) {
      EmailRecord record = record(email.recordId());
      if (record != null
          && record.getStatus() == EmailStatus.SENDING
          && record.getDeliveryAttempts() == email.attempt()) {
        record.sent(email.at(), email.outcome().refusedRecipients());
        emailEvents.sent(record);
        recorded.add(email.recordId());
      }
    }
    for (SentEmail email : sent) {
      if (!recorded.contains(email.recordId())) {
        LOGGER.log(
            System.Logger.Level.WARNING,
            "Email record {0} was sent (attempt {1}) but is no longer this sender''s; left as it"
                + " is",
            email.recordId(),
            email.attempt());
      }
    }
    // written now, inside the transaction: what EclipseLink writes at commit ran outside it (ADR
    // 0012)
    em.flush();
    return recorded.size();
  }

  /**
   * The mailbox's server failed before it took any email (unreachable, busy, the connection lost):
   * the mailbox's other due email waits until {@code until} rather than each spending an attempt on
   * a server known to be failing ({@code null}: it may send at once again). One column written by
   * the engine, in a bulk update, so that it does not count as a change of the mailbox's settings.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void postponeSending(long mailboxId, Instant until) {
    if (until == null) {
      // a bound null has no type, which PostgreSQL refuses for a timestamp column
      em.createQuery("update Mailbox m set m.sendingPostponedUntil = null where m.id = :id")
          .setParameter("id", mailboxId)
          .executeUpdate();
      return;
    }
    em.createQuery("update Mailbox m set m.sendingPostponedUntil = :until where m.id = :id")
        .setParameter("until", until)
        .setParameter("id", mailboxId)
        .executeUpdate();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void retryLater(long recordId, String error, Instant nextAttempt) {
    record(recordId).retryLater(error, nextAttempt);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void returnUnsent(long recordId, String reason) {
    record(recordId).returnUnsent(reason);
  }

  /**
   * @return the subject, for the alert
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String fail(long recordId, String reason, Instant at) {
    EmailRecord record = record(recordId);
    record.fail(reason, at);
    emailEvents.failed(record);
    return record.getSubject();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void disableOutgoing(long mailboxId, MailServerFailure failure) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    MailboxEvents.Enablement before = MailboxEvents.Enablement.of(mailbox);
    mailbox.disableOutgoing(failure.failureCause().code(), failure.getMessage());
    mailboxEvents.announceChanges(mailbox, before);
  }

  private EmailRecord record(long id) {
    return em.find(EmailRecord.class, id);
  }

  private static OutgoingMessage messageOf(EmailRecord record, String tokenPrefix) {
    String subject = record.getSubject();
    if (record.getTrackingToken() != null) {
      subject = new TrackingToken(record.getTrackingToken()).appendTo(subject, tokenPrefix);
    }
    List<AttachmentData> attachments = new ArrayList<>();
    for (Attachment a : record.getAttachments()) {
      if (!a.isOmitted()) {
        attachments.add(
            new AttachmentData(
                a.getFileName(),
                a.getContentType(),
                a.getContentId(),
                a.isInline(),
                a.getSize(),
                a.getContent(),
                null));
      }
    }
    return new OutgoingMessage(
        record.getId(),
        record.getDeliveryAttempts(),
        record.getMessageId(),
        record.getFrom(),
        record.getTo(),
        record.getCc(),
        record.getBcc(),
        subject,
        record.getTextBody(),
        record.getHtmlBody(),
        record.getInReplyTo(),
        record.getReferences(),
        attachments,
        record.isAutoSubmitted());
  }
}
