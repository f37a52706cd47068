package org.syncpost.incoming.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncpost.incoming.entity.ServerMessageKey;
import org.syncpost.mailserver.control.FailureTranslator;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * Takes the new messages of one IMAP folder: opened read-only unless the mailbox has an action
 * after processing (otherwise nothing on the server changes; the \Seen flag is never read, and set
 * only by MARK_READ after the record is stored), messages above the cursor's UID — or, on a first
 * sync or a new UIDVALIDITY, those the server finds since the process-from date — fetched in
 * batches, parsed here outside any transaction, then written batch by batch together with the
 * cursor.
 */
@ApplicationScoped
public class FolderSynchronizer {

  private static final System.Logger LOGGER = System.getLogger(FolderSynchronizer.class.getName());

  static final int BATCH_MESSAGES = 100;
  static final long BATCH_BYTES = 20L * 1024 * 1024;

  @Inject MessageFetcher fetcher;
  @Inject BatchWriter writer;
  @Inject IncomingLedger ledger;
  @Inject FailureTranslator translator;
  @Inject ProcessedMailActions actions;
  @Inject SkippedBeforeProcessFrom skips;

  /** The thread that fetches and parses the next batch while the current one is stored. */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /** Where a folder's sync stands before a cycle; {@code uidValidity} 0 when never synced. */
  public record FolderCursor(long uidValidity, long lastUid) {
    public static final FolderCursor NONE = new FolderCursor(0, 0);
  }

  /** What a folder's cycle did; {@code capped} when more messages are waiting. */
  public record FolderResult(BatchResult taken, boolean capped) {}

  /**
   * @param cap the most messages to take in this call
   * @throws MailServerFailure with the translated cause; batches already written stay written
   */
  public FolderResult synchronize(
      Store store,
      Endpoint endpoint,
      long mailboxId,
      String folderName,
      FolderCursor cursor,
      IngestRules rules,
      int cap) {
    try {
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        throw MailServerFailure.of(FailureCause.FOLDER_NOT_FOUND, endpoint, folderName, null);
      }
      if (!(folder instanceof IMAPFolder imap)) {
        throw new IllegalArgumentException("not an IMAP folder: " + folderName);
      }
      imap.open(
          ProcessedMailActions.changesTheServer(rules) ? Folder.READ_WRITE : Folder.READ_ONLY);
      try {
        FolderResult result = take(imap, endpoint, mailboxId, folderName, cursor, rules, cap);
        // also what an earlier cycle stored but could not act on (cut, or SyncPost stopped)
        actions.applyPending(imap, endpoint, mailboxId, folderName, rules);
        return result;
      } finally {
        if (imap.isOpen()) {
          imap.close(false);
        }
      }
    } catch (MessagingException e) {
      throw translator.translate(e, endpoint);
    }
  }

  private FolderResult take(
      IMAPFolder folder,
      Endpoint endpoint,
      long mailboxId,
      String folderName,
      FolderCursor cursor,
      IngestRules rules,
      int cap)
      throws MessagingException {
    long uidValidity = folder.getUIDValidity();
    long after = cursor.uidValidity() == uidValidity ? cursor.lastUid() : 0;
    if (cursor.uidValidity() != 0 && cursor.uidValidity() != uidValidity) {
      LOGGER.log(
          System.Logger.Level.INFO,
          "Mailbox {0} folder {1}: UIDVALIDITY changed from {2} to {3}, rescanning the"
              + " process-from window (known messages are recognised)",
          mailboxId,
          folderName,
          cursor.uidValidity(),
          uidValidity);
    }
    Scope scope =
        new Scope(folder, endpoint, mailboxId, folderName, uidValidity, rules, new SkipTally());
    Message[] waiting = waiting(folder, after, rules);
    long leftOutByServer =
        after == 0 && rules.processFrom() != null
            ? (long) folder.getMessageCount() - waiting.length
            : 0;
    // what SEARCH SINCE left out is older than the process-from date too (issue 13: counted)
    scope.skipped().unseen(leftOutByServer);
    Progress progress = new Progress();
    Scanned scanned;
    if (ProcessedMailActions.changesTheServer(rules)) {
      // each batch's action follows its commit on this connection: nothing is fetched ahead
      scanned = scan(scope, waiting, after, cap, batch -> progress.add(batch, store(scope, batch)));
    } else {
      AtomicReference<Scanned> result = new AtomicReference<>();
      try (BatchesAhead<Prepared> ahead =
          BatchesAhead.start(
              threads,
              "syncpost-fetch-ahead-mailbox-" + mailboxId,
              out -> result.set(scan(scope, waiting, after, cap, out)),
              Prepared::discard)) {
        for (Prepared batch = ahead.next(); batch != null; batch = ahead.next()) {
          progress.add(batch, store(scope, batch));
        }
      }
      scanned = result.get();
    }
    skips.count(mailboxId, scope.skipped().counted());
    long upTo = scanned.upTo();
    if (upTo == 0 && leftOutByServer > 0 && folder.getMessageCount() > 0) {
      // every message is older than the process-from date: past them, so none is counted again
      upTo = folder.getUID(folder.getMessage(folder.getMessageCount()));
    }
    if (waiting.length == 0 && folder.getUIDNext() - 1 > upTo) {
      // nothing at all above the cursor, though UIDs were given out (expunged meanwhile): past
      // them, so that STATUS finds the folder quiet next time (FolderStatus)
      upTo = folder.getUIDNext() - 1;
    }
    if (progress.storedUpTo != upTo && (upTo > after || cursor.uidValidity() != uidValidity)) {
      ledger.advance(mailboxId, folderName, uidValidity, upTo);
    }
    BatchResult taken = progress.taken;
    boolean capped = scanned.capped();
    LOGGER.log(
        System.Logger.Level.DEBUG,
        "Mailbox {0} folder {1}: UIDs {2}..{3} at UIDVALIDITY {4}: {5} recorded, {6} quarantined",
        mailboxId,
        folderName,
        after + 1,
        upTo,
        uidValidity,
        taken.recorded(),
        taken.quarantined());
    return new FolderResult(taken, capped);
  }

  /** The folder a cycle works on, and how. */
  private record Scope(
      IMAPFolder folder,
      Endpoint endpoint,
      long mailboxId,
      String folderName,
      long uidValidity,
      IngestRules rules,
      SkipTally skipped) {}

  /** A batch fetched and parsed, to be stored with the cursor moved to {@code upTo}. */
  private record Prepared(long upTo, List<Fetched> fetched) {
    void discard() {
      fetched.forEach(Fetched::discardSpooled);
    }
  }

  /** Where a scan left the cursor, and whether it stopped at the cap. */
  private record Scanned(long upTo, boolean capped) {}

  /** What the stored batches of a folder took. */
  private static final class Progress {
    BatchResult taken = BatchResult.NONE;
    long storedUpTo = -1;

    void add(Prepared batch, BatchResult result) {
      taken = taken.plus(result);
      storedUpTo = batch.upTo();
    }
  }

  /**
   * Goes through the waiting messages, up to the cap, and hands each batch, fetched and parsed, to
   * {@code out} (which stores it, now or on another thread), the last one too when not full.
   */
  private Scanned scan(
      Scope scope, Message[] waiting, long after, int cap, BatchesAhead.Handoff<Prepared> out)
      throws MessagingException {
    List<Candidate> batch = new ArrayList<>();
    long batchBytes = 0;
    long upTo = after;
    int count = 0;
    for (int i = 0; i < waiting.length; i++) {
      if (i % BATCH_MESSAGES == 0) {
        describe(scope.folder(), waiting, i);
      }
      Candidate candidate = candidate(scope.folder(), waiting[i], after);
      if (candidate == null) {
        continue;
      }
      if (scope.rules().takes(candidate.received())) {
        if (count >= cap) {
          if (!batch.isEmpty()) {
            out.put(prepare(scope, upTo, batch));
          }
          return new Scanned(upTo, true);
        }
        batch.add(candidate);
        batchBytes += Math.max(candidate.size(), 0);
        count++;
      } else {
        scope.skipped().skipped(candidate.message(), candidate.received());
      }
      upTo = candidate.uid();
      if (batch.size() >= BATCH_MESSAGES || batchBytes >= BATCH_BYTES) {
        out.put(prepare(scope, upTo, batch));
        batch = new ArrayList<>();
        batchBytes = 0;
      }
    }
    if (!batch.isEmpty()) {
      out.put(prepare(scope, upTo, batch));
    }
    return new Scanned(upTo, false);
  }

  /**
   * The messages above {@code after}, oldest first (UIDs ascend with message numbers, RFC 3501
   * §2.3.1.1), not yet described: a capped cycle fetches UID, INTERNALDATE and size only for its
   * share ({@link #describe}), not for every message still waiting. A first scan with a
   * process-from date asks the server (SEARCH SINCE, a day early: SINCE compares dates only, in the
   * server's time zone) and filters by INTERNALDATE afterwards.
   */
  private static Message[] waiting(IMAPFolder folder, long after, IngestRules rules)
      throws MessagingException {
    Message[] found;
    if (after == 0 && rules.processFrom() != null) {
      found =
          folder.search(
              new ReceivedDateTerm(
                  ComparisonTerm.GE, Date.from(rules.processFrom().minus(Duration.ofDays(1)))));
    } else {
      found = folder.getMessagesByUID(after + 1, UIDFolder.MAXUID);
    }
    Message[] present = Arrays.stream(found).filter(Objects::nonNull).toArray(Message[]::new);
    Arrays.sort(present, Comparator.comparingInt(Message::getMessageNumber));
    return present;
  }

  /** UID, INTERNALDATE and size of the next {@value #BATCH_MESSAGES} messages, in one FETCH. */
  private static void describe(IMAPFolder folder, Message[] waiting, int from)
      throws MessagingException {
    FetchProfile metadata = new FetchProfile();
    metadata.add(UIDFolder.FetchProfileItem.UID);
    metadata.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
    metadata.add(FetchProfile.Item.SIZE);
    folder.fetch(
        Arrays.copyOfRange(waiting, from, Math.min(from + BATCH_MESSAGES, waiting.length)),
        metadata);
  }

  /**
   * The message as a candidate, or {@code null} when expunged meanwhile or not above the cursor.
   */
  private static Candidate candidate(IMAPFolder folder, Message message, long after)
      throws MessagingException {
    if (message.isExpunged()) {
      return null;
    }
    long uid = folder.getUID(message);
    if (uid <= after) {
      return null;
    }
    Date received = message.getReceivedDate();
    return new Candidate(
        message, uid, received == null ? null : received.toInstant(), message.getSize());
  }

  /** Fetches a batch in full (one UID FETCH) and parses its messages. */
  private Prepared prepare(Scope scope, long upTo, List<Candidate> batch)
      throws MessagingException {
    IMAPFolder folder = scope.folder();
    long mailboxId = scope.mailboxId();
    String folderName = scope.folderName();
    IngestRules rules = scope.rules();
    List<Message> wanted = new ArrayList<>();
    for (Candidate candidate : batch) {
      if (candidate.size() <= rules.maxMessageBytes()
          && candidate.size() <= MessageFetcher.IN_MEMORY_MESSAGE_BYTES) {
        wanted.add(candidate.message());
      }
    }
    FetchProfile whole = new FetchProfile();
    whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
    folder.fetch(wanted.toArray(Message[]::new), whole);
    List<Fetched> fetched = new ArrayList<>(batch.size());
    for (Candidate candidate : batch) {
      try {
        fetched.add(
            fetcher.fetch(
                candidate,
                new ServerMessageKey(mailboxId, folderName, scope.uidValidity(), candidate.uid()),
                rules));
      } catch (MessageRemovedException expunged) {
        // another client deleted it meanwhile: there is nothing left to take, the cursor passes
        LOGGER.log(
            System.Logger.Level.DEBUG,
            "Mailbox {0} folder {1}: UID {2} was expunged before it was fetched",
            mailboxId,
            folderName,
            candidate.uid());
      }
      // memory must not grow with the folder: the folder keeps what it fetched until it closes
      ((IMAPMessage) candidate.message()).invalidateHeaders();
    }
    return new Prepared(upTo, fetched);
  }

  /** Stores a batch with the cursor, then applies the mailbox's pending actions on the server. */
  private BatchResult store(Scope scope, Prepared batch) throws MessagingException {
    BatchResult result;
    try {
      result =
          writer.store(
              scope.mailboxId(),
              scope.folderName(),
              scope.uidValidity(),
              batch.upTo(),
              batch.fetched(),
              scope.rules());
    } finally {
      batch.discard();
    }
    actions.applyPending(
        scope.folder(), scope.endpoint(), scope.mailboxId(), scope.folderName(), scope.rules());
    return result;
  }
}
