package org.syncpost.incoming.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
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
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: on Payara
 * Micro 6 the connection of a CDI {@code jakarta.transaction.Transactional(REQUIRES_NEW)} method
 * called on a managed executor's thread was not enlisted in the transaction and stayed in
 * auto-commit, so H2 committed (and wrote to its file) every statement on its own and a batch was
 * not one transaction (docs/adr/0011).
 */
@Stateless
public class IncomingLedger {

  private static final System.Logger LOGGER = System.getLogger(IncomingLedger.class.getName());

  @PersistenceContext EntityManager em;
  @Inject RecordWriter recorder;
  @Inject BatchScreening screening;
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
    Map<String, EmailRecord> known = recorder.knownByDeliveryKey(batch);
    BatchScreening.Screen screen = screening.of(mailbox, rules, clock.instant());
    for (Fetched message : batch) {
      if (taken.contains(message.key())) {
        continue;
      }
      if (message.parsed() == null) {
        quarantine(message, message.refusal());
        quarantined++;
      } else if (screen.filtersOut(message)) {
        continue;
      } else if (screen.holdsAsLoop(message.parsed())) {
        // held by loop protection: neither a record nor a source, left on the server (issue 16)
        LOGGER.log(System.Logger.Level.DEBUG, "{0} held by loop protection", message.key());
      } else {
        recorder.record(
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
    screen.close();
    return new BatchResult(recorded, quarantined);
  }

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
        recorder.record(
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
    em.flush(); // the record's rows and its event inside this transaction (ADR 0012)
    return record;
  }

  /** A retry of a quarantined message failed again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public QuarantinedMessage retryFailed(long quarantineId, String reason) {
    QuarantinedMessage entry = em.find(QuarantinedMessage.class, quarantineId);
    entry.retryFailed(reason);
    return entry;
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
