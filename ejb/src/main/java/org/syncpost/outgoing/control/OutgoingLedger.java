package org.syncpost.outgoing.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
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

  /** Whether the database is PostgreSQL (else H2), asked once: the two spell a few things apart. */
  private static volatile Boolean postgresql;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

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
    List<Long> claimed =
        idsOf(
            em.createNativeQuery(returning(update, "id"))
                .setParameter(1, leaseUntil.atOffset(ZoneOffset.UTC))
                .setParameter(2, now.atOffset(ZoneOffset.UTC))
                .setParameter(3, Actor.SYSTEM)
                .setParameter(4, mailboxId)
                .setParameter(5, now.atOffset(ZoneOffset.UTC))
                .setParameter(6, now.atOffset(ZoneOffset.UTC))
                .getResultList());
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
      recorded.addAll(sentAsOneUpdate(plain));
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
   * The change {@link EmailRecord#sent} makes (with no refused recipient), for every email of the
   * list still SENDING under the attempt its sender claimed, in one UPDATE; then one query for what
   * the events say of the rows it changed. The UPDATE is this transaction's first write, so the
   * events commit with it (ADR 0020). {@code SendingLeasesIT} pins the UPDATE to the entity method.
   *
   * @return the ids recorded
   */
  private List<Long> sentAsOneUpdate(List<SentEmail> sent) {
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
    emailEvents.sent(recorded);
    return recorded.stream().map(EmailEvents.SentRecord::emailId).toList();
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
