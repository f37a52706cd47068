package org.syncpost.incoming.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.syncpost.email.control.Correlator;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.DeliveryKey;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.incoming.entity.MessageSource;
import org.syncpost.incoming.entity.QuarantinedMessage;
import org.syncpost.incoming.entity.ServerMessageKey;
import org.syncpost.incoming.entity.SyncCursor;
import org.syncpost.mailbox.entity.Mailbox;

/**
 * The transactions of ingestion: the records of a batch and the folder's cursor are written
 * together, so a crash or a lost connection either keeps both or neither, and a replay is
 * recognised by the message's source key (mailbox, folder, UIDVALIDITY, UID) and by Message-ID.
 *
 * <p>A stateless EJB, not a CDI bean with {@code @Transactional}: on Payara Micro 6 the connection
 * of a CDI {@code @Transactional(REQUIRES_NEW)} method called on a managed executor's thread was
 * not enlisted in the transaction and stayed in auto-commit, so H2 committed (and wrote to its
 * file) every statement on its own and a batch was not one transaction (docs/adr/0011).
 */
@Stateless
public class IncomingLedger {

  private static final System.Logger LOGGER = System.getLogger(IncomingLedger.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Correlator correlator;
  @Inject Clock clock;

  /**
   * Takes {@code batch} (records or quarantine entries) and moves the folder's cursor to {@code
   * upToUid}, in one transaction.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public BatchResult take(
      long mailboxId,
      String folder,
      long uidValidity,
      long upToUid,
      List<Fetched> batch,
      IngestRules rules) {
    BatchResult result = takeAll(mailboxId, batch, rules);
    advance(mailboxId, folder, uidValidity, upToUid);
    em.flush();
    return result;
  }

  /**
   * POP3: takes {@code batch} and remembers {@code uidls} (those of the batch and those passed
   * over, e.g. older than the process-from date) as taken, in one transaction.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public BatchResult takePop3(
      long mailboxId, List<Fetched> batch, List<String> uidls, IngestRules rules) {
    BatchResult result = takeAll(mailboxId, batch, rules);
    rememberUidls(mailboxId, uidls);
    em.flush();
    return result;
  }

  /** POP3: a message that could not be stored with its batch, quarantined alone. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public BatchResult quarantinePop3Alone(Fetched message, String reason, String uidl) {
    if (!isTaken(message.key()) && quarantinedAt(message.key()).isEmpty()) {
      quarantine(message, reason);
    }
    rememberUidls(message.key().mailboxId(), List.of(uidl));
    return new BatchResult(0, 1);
  }

  /** The UIDLs of a POP3 mailbox already taken. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Set<String> takenUidls(long mailboxId) {
    List<?> rows =
        em.createNativeQuery("select uidl from pop3_uidl_taken where mailbox_id = ?1")
            .setParameter(1, mailboxId)
            .getResultList();
    Set<String> taken = new HashSet<>();
    rows.forEach(row -> taken.add(row.toString()));
    return taken;
  }

  private void rememberUidls(long mailboxId, List<String> uidls) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    for (String uidl : uidls) {
      em.createNativeQuery(
              "insert into pop3_uidl_taken (mailbox_id, uidl, taken_on) select ?1, ?2, ?3"
                  + " where not exists (select 1 from pop3_uidl_taken where mailbox_id = ?1"
                  + " and uidl = ?2)")
          .setParameter(1, mailboxId)
          .setParameter(2, uidl)
          .setParameter(3, now)
          .executeUpdate();
    }
  }

  private BatchResult takeAll(long mailboxId, List<Fetched> batch, IngestRules rules) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    int recorded = 0;
    int quarantined = 0;
    Set<ServerMessageKey> taken = takenAmong(mailboxId, batch);
    Map<String, EmailRecord> known = knownByDeliveryKey(batch);
    for (Fetched message : batch) {
      if (taken.contains(message.key())) {
        continue;
      }
      if (message.parsed() == null) {
        quarantine(message, message.refusal());
        quarantined++;
      } else {
        record(
            mailbox,
            message.key(),
            message.fingerprint(),
            message.deliveryKey(),
            message.parsed(),
            message.receivedOn(),
            rules,
            known,
            true);
        recorded++;
      }
    }
    return new BatchResult(recorded, quarantined);
  }

  /** Most values bound to one {@code in} list. */
  private static final int IN_LIST = 500;

  /**
   * Which of the batch's messages are taken already (a replay after a crash or a cut connection):
   * an IMAP batch's UIDs are close together, so one range query answers for all of them; scattered
   * keys (POP3's UIDL hashes) are asked one by one.
   */
  private Set<ServerMessageKey> takenAmong(long mailboxId, List<Fetched> batch) {
    Set<ServerMessageKey> taken = new HashSet<>();
    // a batch is of one folder at one UIDVALIDITY (POP3: one of its own); grouped all the same
    Map<ServerMessageKey, List<ServerMessageKey>> byFolder = new HashMap<>();
    for (Fetched message : batch) {
      ServerMessageKey key = message.key();
      byFolder
          .computeIfAbsent(
              new ServerMessageKey(mailboxId, key.folder(), key.uidValidity(), 0),
              folder -> new ArrayList<>())
          .add(key);
    }
    byFolder.forEach(
        (folder, keys) -> {
          long lowest = keys.stream().mapToLong(ServerMessageKey::uid).min().orElse(0);
          long highest = keys.stream().mapToLong(ServerMessageKey::uid).max().orElse(0);
          if (highest - lowest > 4L * keys.size()) {
            keys.stream().filter(this::isTaken).forEach(taken::add);
            return;
          }
          Set<ServerMessageKey> wanted = new HashSet<>(keys);
          em
              .createNamedQuery(MessageSource.AMONG, Long.class)
              .setFlushMode(FlushModeType.COMMIT)
              .setParameter("mailboxId", mailboxId)
              .setParameter("folder", folder.folder())
              .setParameter("uidValidity", folder.uidValidity())
              .setParameter("lowest", lowest)
              .setParameter("highest", highest)
              .getResultList()
              .stream()
              .map(
                  uid ->
                      new ServerMessageKey(mailboxId, folder.folder(), folder.uidValidity(), uid))
              .filter(wanted::contains)
              .forEach(taken::add);
        });
    return taken;
  }

  /**
   * The records the batch's deliveries already have (the same delivery reached another SyncPost
   * mailbox, or this one again; see {@link DeliveryKey}), the oldest for each, in one query per
   * {@value #IN_LIST} keys; the batch adds its own records to this map as it goes.
   */
  private Map<String, EmailRecord> knownByDeliveryKey(List<Fetched> batch) {
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

  /**
   * A message that could not be stored with its batch goes to quarantine alone, and the cursor
   * moves past it: it is safe there, with its raw bytes and the reason.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public BatchResult quarantineAlone(Fetched message, String reason, long uidValidity) {
    if (!isTaken(message.key()) && quarantinedAt(message.key()).isEmpty()) {
      quarantine(message, reason);
    }
    advance(message.key().mailboxId(), message.key().folder(), uidValidity, message.key().uid());
    return new BatchResult(0, 1);
  }

  /** Moves the cursor over messages that were looked at and are not to be taken. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void advance(long mailboxId, String folder, long uidValidity, long upToUid) {
    SyncCursor cursor =
        em.createNamedQuery(SyncCursor.OF_FOLDER, SyncCursor.class)
            .setParameter("mailboxId", mailboxId)
            .setParameter("folder", folder)
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  SyncCursor created = new SyncCursor(mailboxId, folder, uidValidity);
                  em.persist(created);
                  return created;
                });
    cursor.advanceTo(uidValidity, upToUid);
  }

  /**
   * The UIDs of a folder's messages (POP3: UIDL hashes) whose records are stored and whose action
   * after processing is still to be applied, oldest first. Pending actions under another
   * UIDVALIDITY can no longer address their messages and are dropped.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> pendingActions(long mailboxId, String folder, long uidValidity) {
    int stale =
        em.createNativeQuery(
                "update message_source set server_action_pending = false where mailbox_id = ?1"
                    + " and folder = ?2 and uid_validity <> ?3 and server_action_pending = true")
            .setParameter(1, mailboxId)
            .setParameter(2, folder)
            .setParameter(3, uidValidity)
            .executeUpdate();
    if (stale > 0) {
      LOGGER.log(
          System.Logger.Level.INFO,
          "Mailbox {0} folder {1}: {2} actions after processing dropped, the folder has a new"
              + " UIDVALIDITY",
          mailboxId,
          folder,
          stale);
    }
    return em.createNamedQuery(MessageSource.ACTION_PENDING, Long.class)
        .setParameter("mailboxId", mailboxId)
        .setParameter("folder", folder)
        .setParameter("uidValidity", uidValidity)
        .getResultList();
  }

  /** The action after processing was applied to these messages (or they were gone). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void actionsApplied(long mailboxId, String folder, long uidValidity, List<Long> uids) {
    for (int from = 0; from < uids.size(); from += 500) {
      em.createQuery(
              "update MessageSource s set s.serverActionPending = false where s.mailboxId ="
                  + " :mailboxId and s.folder = :folder and s.uidValidity = :uidValidity and s.uid"
                  + " in :uids")
          .setParameter("mailboxId", mailboxId)
          .setParameter("folder", folder)
          .setParameter("uidValidity", uidValidity)
          .setParameter("uids", uids.subList(from, Math.min(from + 500, uids.size())))
          .executeUpdate();
    }
  }

  /** The quarantined message made into a record, now that it can be parsed. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public EmailRecord resolve(long quarantineId, ParsedMessage parsed, IngestRules rules) {
    QuarantinedMessage entry = em.find(QuarantinedMessage.class, quarantineId);
    Mailbox mailbox = em.find(Mailbox.class, entry.getMailboxId());
    EmailRecord record =
        record(
            mailbox,
            entry.key(),
            fingerprintOf(entry.getRawMessage()),
            DeliveryKey.of(entry.getRawMessage()).orElse(null),
            parsed,
            entry.getCreatedOn(),
            rules,
            new HashMap<>(),
            false);
    entry.resolve(record.getId());
    return record;
  }

  /** A retry of a quarantined message failed again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public QuarantinedMessage retryFailed(long quarantineId, String reason) {
    QuarantinedMessage entry = em.find(QuarantinedMessage.class, quarantineId);
    entry.retryFailed(reason);
    return entry;
  }

  private EmailRecord record(
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
              deliveryKey);
      for (AttachmentData attachment : parsed.attachments()) {
        record.attach(attachment);
      }
      if (parsed.autoSubmitted()) {
        record.markAutoSubmitted();
      }
      if (rules.correlate()) {
        correlator
            .correlate(parsed.content(), rules.trackingTokenPrefix())
            .ifPresent(found -> record.correlateWith(found.earlier(), found.method()));
      }
      em.persist(record);
      storeSpooledContent(record);
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

  /** Whether one message is taken already. */
  private boolean isTaken(ServerMessageKey key) {
    // keys within a batch differ: no need to flush the batch's inserts before asking
    return !em.createNamedQuery(MessageSource.AT, Long.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("mailboxId", key.mailboxId())
        .setParameter("folder", key.folder())
        .setParameter("uidValidity", key.uidValidity())
        .setParameter("uid", key.uid())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private Optional<QuarantinedMessage> quarantinedAt(ServerMessageKey key) {
    return em.createNamedQuery(QuarantinedMessage.AT, QuarantinedMessage.class)
        .setParameter("mailboxId", key.mailboxId())
        .setParameter("folder", key.folder())
        .setParameter("uidValidity", key.uidValidity())
        .setParameter("uid", key.uid())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private void quarantine(Fetched message, String reason) {
    if (quarantinedAt(message.key()).isPresent()) {
      return;
    }
    em.persist(
        new QuarantinedMessage(
            message.key(), message.uidl(), message.raw(), message.size(), reason));
    LOGGER.log(System.Logger.Level.WARNING, "{0} quarantined: {1}", message.key(), reason);
  }

  static String fingerprintOf(byte[] raw) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(raw == null ? "".getBytes(StandardCharsets.US_ASCII) : raw));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }
}
