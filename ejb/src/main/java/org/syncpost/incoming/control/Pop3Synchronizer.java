package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.syncpost.email.control.MessageParser;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.email.entity.UnparseableMessage;
import org.syncpost.incoming.control.FolderSynchronizer.FolderResult;
import org.syncpost.incoming.entity.ServerMessageKey;
import org.syncpost.mailserver.control.FailureTranslator;
import org.syncpost.mailserver.entity.Endpoint;

/**
 * Takes the new messages of a POP3 mailbox: a message is new when its UIDL (RFC 1939 §7) is not
 * among those taken. POP3 keeps no dates on the server, so the process-from date is compared with
 * the message's Date header. Nothing is deleted on the server unless the mailbox (a queue's) says
 * DELETE: then the messages whose records are stored are marked, and the server deletes them when
 * the session ends with QUIT (RFC 1939 §6).
 */
@ApplicationScoped
public class Pop3Synchronizer {

  private static final System.Logger LOGGER = System.getLogger(Pop3Synchronizer.class.getName());

  @Inject MessageParser parser;
  @Inject IncomingLedger ledger;
  @Inject FailureTranslator translator;
  @Inject Clock clock;
  @Inject ProcessedMailActions actions;
  @Inject SkippedBeforeProcessFrom skips;

  public FolderResult synchronize(
      Store store, Endpoint endpoint, long mailboxId, IngestRules rules, int cap) {
    try {
      POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
      boolean deleting = ProcessedMailActions.changesTheServer(rules);
      inbox.open(deleting ? Folder.READ_WRITE : Folder.READ_ONLY);
      boolean done = false;
      try {
        FolderResult result = take(inbox, mailboxId, rules, cap);
        List<Long> marked = actions.markPop3Deletions(inbox, inbox.getMessages(), mailboxId, rules);
        inbox.close(deleting);
        done = true;
        actions.pop3Applied(mailboxId, marked);
        return result;
      } finally {
        if (!done && inbox.isOpen()) {
          inbox.close(false);
        }
      }
    } catch (MessagingException e) {
      throw translator.translate(e, endpoint);
    }
  }

  private FolderResult take(POP3Folder inbox, long mailboxId, IngestRules rules, int cap)
      throws MessagingException {
    Message[] messages = inbox.getMessages();
    FetchProfile uids = new FetchProfile();
    uids.add(UIDFolder.FetchProfileItem.UID);
    inbox.fetch(messages, uids);
    Set<String> taken = ledger.takenUidls(mailboxId);
    // no UIDL taken yet: the first cycle, when the Date header is the best guess of arrival
    boolean firstCycle = taken.isEmpty();
    SkipTally skipped = new SkipTally();
    BatchResult result = BatchResult.NONE;
    List<Fetched> batch = new ArrayList<>();
    List<String> uidls = new ArrayList<>();
    int count = 0;
    boolean capped = false;
    for (Message message : messages) {
      String uidl = inbox.getUID(message);
      if (uidl == null || taken.contains(uidl)) {
        continue;
      }
      if (count >= cap) {
        capped = true;
        break;
      }
      Fetched fetched =
          fetch(message, ServerMessageKey.ofPop3(mailboxId, uidl), rules, firstCycle, skipped);
      uidls.add(uidl);
      if (fetched != null) {
        batch.add(fetched.withUidl(uidl));
        count++;
      }
      if (batch.size() >= FolderSynchronizer.BATCH_MESSAGES) {
        result = result.plus(store(mailboxId, batch, uidls, rules));
        batch.clear();
        uidls.clear();
      }
    }
    if (!uidls.isEmpty()) {
      result = result.plus(store(mailboxId, batch, uidls, rules));
    }
    skips.count(mailboxId, skipped.counted());
    LOGGER.log(
        System.Logger.Level.DEBUG,
        "Mailbox {0} (POP3): {1} recorded, {2} quarantined",
        mailboxId,
        result.recorded(),
        result.quarantined());
    return new FolderResult(result, capped);
  }

  private BatchResult store(
      long mailboxId, List<Fetched> batch, List<String> uidls, IngestRules rules) {
    try {
      return ledger.takePop3(mailboxId, List.copyOf(batch), List.copyOf(uidls), rules);
    } catch (RuntimeException batchFailed) {
      BatchResult result = BatchResult.NONE;
      for (Fetched message : batch) {
        try {
          result =
              result.plus(
                  ledger.takePop3(mailboxId, List.of(message), List.of(message.uidl()), rules));
        } catch (RuntimeException failed) {
          result =
              result.plus(
                  ledger.quarantinePop3Alone(
                      message, StorageRefusal.reasonFor(message, failed), message.uidl()));
        }
      }
      ledger.takePop3(mailboxId, List.of(), List.copyOf(uidls), rules);
      return result;
    }
  }

  /**
   * The message to take, or {@code null} when it is older than the process-from date (counted in
   * {@code skipped}).
   */
  private Fetched fetch(
      Message message,
      ServerMessageKey key,
      IngestRules rules,
      boolean firstCycle,
      SkipTally skipped)
      throws MessagingException {
    int size = message.getSize();
    if (size > rules.maxMessageBytes()) {
      return Fetched.refused(
          key,
          null,
          size,
          clock.instant(),
          "the message is larger than the organisation's maximum incoming message size of "
              + rules.maxMessageBytes() / (1024 * 1024)
              + " MB");
    }
    byte[] raw;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
      message.writeTo(out);
      raw = out.toByteArray();
    } catch (IOException unreadable) {
      throw new MessagingException("reading " + key + " failed", unreadable);
    }
    try {
      ParsedMessage parsed = parser.parse(raw, rules.maxAttachmentBytes());
      Instant now = clock.instant();
      if (!rules.takesPop3(parsed.sentOn(), firstCycle, now)) {
        skipped.skipped(parsed.content().messageId(), parsed.sentOn());
        return null;
      }
      Instant received = IngestRules.isPlausible(parsed.sentOn(), now) ? parsed.sentOn() : now;
      return Fetched.parsed(key, raw, received, parsed);
    } catch (UnparseableMessage refused) {
      return Fetched.refused(key, raw, raw.length, clock.instant(), refused.reason());
    }
  }
}
