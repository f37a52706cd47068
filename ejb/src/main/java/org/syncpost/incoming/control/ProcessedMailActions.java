package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.syncpost.incoming.entity.ServerMessageKey;
import org.syncpost.mailbox.entity.ActionAfterProcessing;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * Applies a mailbox's action after processing (mark read, move, delete) on the server, only to
 * messages whose records are committed and whose action is recorded as pending. A cycle cut before
 * the action leaves it pending for the next one; applying it again is harmless (the flag is set
 * already, a moved or deleted message is no longer there).
 */
@ApplicationScoped
public class ProcessedMailActions {

  private static final System.Logger LOGGER =
      System.getLogger(ProcessedMailActions.class.getName());

  @Inject IncomingLedger ledger;

  /** Whether a folder must be opened read-write for the mailbox's action. */
  static boolean changesTheServer(IngestRules rules) {
    return rules.afterProcessing() != null && rules.afterProcessing().changesTheServer();
  }

  /** IMAP: applies the pending actions of the open folder (read-write). */
  public void applyPending(
      IMAPFolder folder, Endpoint endpoint, long mailboxId, String folderName, IngestRules rules)
      throws MessagingException {
    if (!changesTheServer(rules)) {
      return;
    }
    long uidValidity = folder.getUIDValidity();
    List<Long> uids = ledger.pendingActions(mailboxId, folderName, uidValidity);
    if (uids.isEmpty()) {
      return;
    }
    Message[] present =
        Arrays.stream(folder.getMessagesByUID(uids.stream().mapToLong(Long::longValue).toArray()))
            .filter(Objects::nonNull)
            .filter(m -> !m.isExpunged())
            .toArray(Message[]::new);
    if (present.length > 0) {
      apply(folder, endpoint, present, rules);
    }
    ledger.actionsApplied(mailboxId, folderName, uidValidity, uids);
    LOGGER.log(
        System.Logger.Level.DEBUG,
        "Mailbox {0} folder {1}: {2} applied to {3} messages",
        mailboxId,
        folderName,
        rules.afterProcessing(),
        present.length);
  }

  private static void apply(
      IMAPFolder folder, Endpoint endpoint, Message[] messages, IngestRules rules)
      throws MessagingException {
    switch (rules.afterProcessing()) {
      case MARK_READ -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
      case MOVE_TO -> {
        Folder target = folder.getStore().getFolder(rules.moveToFolder());
        if (!target.exists()) {
          throw MailServerFailure.of(
              FailureCause.FOLDER_NOT_FOUND,
              endpoint,
              "'" + rules.moveToFolder() + "', where processed email is to be moved,",
              null);
        }
        // MOVE (RFC 6851) where offered, else COPY, \Deleted and EXPUNGE of these messages
        folder.moveMessages(messages, target);
      }
      case DELETE -> {
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        // UID EXPUNGE (RFC 4315) removes only these; without UIDPLUS they stay flagged \Deleted
        // rather than expunging what other clients flagged
        if (((IMAPStore) folder.getStore()).hasCapability("UIDPLUS")) {
          folder.expunge(messages);
        }
      }
      case NONE -> {
        // nothing changes on the server
      }
    }
  }

  /**
   * POP3: marks the messages whose deletion is pending; the server deletes them (DELE) when the
   * folder is closed with expunge (QUIT, RFC 1939 §6), after which {@link #pop3Applied} records it.
   * Only DELETE exists over POP3.
   *
   * @return the UIDL hashes marked
   */
  public List<Long> markPop3Deletions(
      POP3Folder inbox, Message[] messages, long mailboxId, IngestRules rules)
      throws MessagingException {
    if (rules.afterProcessing() != ActionAfterProcessing.DELETE) {
      return List.of();
    }
    List<Long> pending = ledger.pendingActions(mailboxId, ServerMessageKey.POP3_FOLDER, 0);
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Long> marked = new ArrayList<>();
    java.util.Set<Long> wanted = new java.util.HashSet<>(pending);
    for (Message message : messages) {
      String uidl = inbox.getUID(message);
      if (uidl != null && wanted.contains(ServerMessageKey.ofPop3(mailboxId, uidl).uid())) {
        message.setFlag(Flags.Flag.DELETED, true);
        marked.add(ServerMessageKey.ofPop3(mailboxId, uidl).uid());
      }
    }
    // those no longer on the server need nothing more
    wanted.removeAll(marked);
    ledger.actionsApplied(mailboxId, ServerMessageKey.POP3_FOLDER, 0, List.copyOf(wanted));
    return marked;
  }

  /** POP3: the server took the deletions (the folder closed with QUIT). */
  public void pop3Applied(long mailboxId, List<Long> marked) {
    if (!marked.isEmpty()) {
      ledger.actionsApplied(mailboxId, ServerMessageKey.POP3_FOLDER, 0, marked);
    }
  }
}
