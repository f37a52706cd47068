package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.email.control.Correlator;
import org.syncpost.email.control.EmailEvents;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.CorrelationMethod;
import org.syncpost.email.entity.DeliveryKey;
import org.syncpost.email.entity.DeliveryReport;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.incoming.entity.MessageSource;
import org.syncpost.incoming.entity.ServerMessageKey;
import org.syncpost.mailbox.entity.Mailbox;

/**
 * Makes a taken message an email record — or adds the mailbox to the record the same email already
 * has (by Message-ID across mailboxes, else by the same bytes in this mailbox) — with its
 * attachments, correlation and source. Runs inside the {@link IncomingLedger}'s transaction, never
 * on its own.
 */
@ApplicationScoped
public class RecordWriter {

  private static final System.Logger LOGGER = System.getLogger(RecordWriter.class.getName());

  @PersistenceContext EntityManager em;
  @Inject EmailEvents emailEvents;
  @Inject Correlator correlator;
  @Inject Clock clock;
  @Inject Alerts alerts;

  /** Most values bound to one {@code in} list. */
  private static final int IN_LIST = 500;

  /**
   * The records the batch's deliveries already have (the same delivery reached another SyncPost
   * mailbox, or this one again; see {@link DeliveryKey}), the oldest for each, in one query per
   * {@value #IN_LIST} keys; the batch adds its own records to this map as it goes.
   */
  public Map<String, EmailRecord> knownByDeliveryKey(List<Fetched> batch) {
    List<String> keys =
        batch.stream()
            .filter(m -> m.parsed() != null && m.deliveryKey() != null)
            .map(Fetched::deliveryKey)
            .distinct()
            .toList();
    Map<String, EmailRecord> known = new HashMap<>();
    for (int from = 0; from < keys.size(); from += IN_LIST) {
      em.createNamedQuery(EmailRecord.BY_DELIVERY_KEYS, EmailRecord.class)
          .setFlushMode(FlushModeType.COMMIT)
          .setParameter("deliveryKeys", keys.subList(from, Math.min(from + IN_LIST, keys.size())))
          .getResultList()
          .forEach(record -> known.putIfAbsent(DELIVERY + record.getDeliveryKey(), record));
    }
    return known;
  }

  private static final String DELIVERY = "delivery:";

  public EmailRecord record(
      Mailbox mailbox,
      ServerMessageKey key,
      String fingerprint,
      String deliveryKey,
      ParsedMessage parsed,
      Instant receivedOn,
      IngestRules rules,
      Map<String, EmailRecord> recordedNow,
      boolean deliveriesLookedUp) {
    // one record for several mailboxes only for the same delivery (issue 13); without a key, only
    // the same bytes again in this mailbox
    String sameEmail = deliveryKey != null ? DELIVERY + deliveryKey : "sha256:" + fingerprint;
    Optional<EmailRecord> known =
        Optional.ofNullable(recordedNow.get(sameEmail))
            .or(
                () ->
                    deliveryKey != null && deliveriesLookedUp
                        ? Optional.empty()
                        : known(mailbox.getId(), deliveryKey, fingerprint));
    EmailRecord record;
    if (known.isPresent()) {
      // the same email reached this mailbox again, or another SyncPost mailbox: one record
      record = known.get();
      record.alsoReceivedBy(mailbox, deliveryKey);
    } else {
      record =
          EmailRecord.received(
              parsed.content(),
              mailbox,
              receivedOn == null ? clock.instant() : receivedOn,
              parsed.sentOn(),
              deliveryKey);
      for (AttachmentData attachment : parsed.attachments()) {
        record.attach(attachment);
      }
      if (parsed.autoSubmitted()) {
        record.markAutoSubmitted();
      }
      record.protectedBy(parsed.protection());
      Optional<EmailRecord> reported =
          parsed.deliveryReport() == null
              ? Optional.empty()
              : correlator.reportedEmail(parsed.deliveryReport(), rules.trackingTokenPrefix());
      if (reported.isPresent()) {
        // a bounce (or a delay) of an email SyncPost sent: its outcome goes onto that record, the
        // report joins its conversation instead of opening one (issue 16)
        boolean bouncedBefore = reported.get().getStatus() == EmailStatus.BOUNCED;
        reported.get().deliveryReported(parsed.deliveryReport());
        if (!bouncedBefore && reported.get().getStatus() == EmailStatus.BOUNCED) {
          emailEvents.bounced(reported.get());
        }
        tellSenderOfBounce(reported.get(), parsed.deliveryReport());
        record.correlateWith(reported.get(), CorrelationMethod.DELIVERY_REPORT);
        record.markAutoSubmitted();
        LOGGER.log(
            System.Logger.Level.INFO,
            "{0} is a delivery status notification about email record {1}",
            key,
            reported.get().getId());
      } else if (rules.correlate()) {
        correlator
            .correlate(parsed.content(), rules.trackingTokenPrefix())
            .ifPresent(found -> record.correlateWith(found.earlier(), found.method()));
      }
      em.persist(record);
      storeSpooledContent(record);
      emailEvents.received(record, mailbox.getId());
    }
    recordedNow.put(sameEmail, record);
    em.persist(
        new MessageSource(
            key,
            record.getId(),
            fingerprint,
            clock.instant(),
            rules.afterProcessing().changesTheServer()));
    LOGGER.log(
        System.Logger.Level.DEBUG,
        "{0} is email record {1}{2}",
        key,
        record.getId(),
        known.isPresent() ? " (already known)" : "");
    return record;
  }

  /**
   * The sending mailbox's owner learns that recipients refused the email: one warning per mailbox
   * while it is open (repeats are counted), raised in a transaction of its own.
   */
  private void tellSenderOfBounce(EmailRecord sent, DeliveryReport report) {
    if (report.failed().isEmpty() || sent.getSenderMailbox() == null) {
      return;
    }
    alerts.raise(
        AlertNotice.aboutMailbox(
            AlertLevel.WARNING,
            "outgoing-bounced",
            sent.getSenderMailbox().getId(),
            "The email '"
                + sent.getSubject()
                + "' (record "
                + sent.getId()
                + ") could not be delivered: "
                + String.join("; ", report.failed().stream().map(o -> o.line()).toList()),
            "Check the recipient's address; the email record shows each recipient's outcome.",
            null));
  }

  /**
   * Attachments too large for memory wait in temporary files: the record's rows are inserted first,
   * then each such content is streamed into its row over the transaction's own connection, so a 100
   * MB message is ingested in a small heap.
   */
  private void storeSpooledContent(EmailRecord record) {
    List<Attachment> spooled =
        record.getAttachments().stream().filter(a -> a.getSpooled() != null).toList();
    if (spooled.isEmpty()) {
      return;
    }
    em.flush();
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement update =
        connection.prepareStatement("update email_attachment set content = ? where id = ?")) {
      for (Attachment attachment : spooled) {
        try (InputStream content = Files.newInputStream(attachment.getSpooled())) {
          update.setBinaryStream(1, content, attachment.getSize());
          update.setLong(2, attachment.getId());
          update.executeUpdate();
        }
      }
    } catch (SQLException | IOException failed) {
      throw new IllegalStateException(
          "storing the attachments of email record " + record.getId() + " failed", failed);
    }
  }

  /**
   * By delivery key across all mailboxes; without one, the same bytes seen in this mailbox. Asked
   * of the database without flushing the batch's inserts first (a flush per message would cost more
   * than the inserts): the batch's own records are found in {@code recordedNow} before this.
   */
  private Optional<EmailRecord> known(long mailboxId, String deliveryKey, String fingerprint) {
    if (deliveryKey != null) {
      return em.createNamedQuery(EmailRecord.BY_DELIVERY_KEYS, EmailRecord.class)
          .setFlushMode(FlushModeType.COMMIT)
          .setParameter("deliveryKeys", List.of(deliveryKey))
          .setMaxResults(1)
          .getResultStream()
          .findFirst();
    }
    return em.createNamedQuery(MessageSource.WITH_FINGERPRINT, Long.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("mailboxId", mailboxId)
        .setParameter("fingerprint", fingerprint)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(id -> em.find(EmailRecord.class, id));
  }
}
