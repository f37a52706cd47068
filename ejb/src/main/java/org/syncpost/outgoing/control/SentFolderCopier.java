package org.syncpost.outgoing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.syncpost.mailserver.control.FailureTranslator;
import org.syncpost.mailserver.control.MailSessions;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.outgoing.entity.SentFolderCopy;

/**
 * Puts copies of sent messages into the mailbox's Sent folder over one IMAP connection: the exact
 * bytes the SMTP server accepted (so the same Message-ID), marked {@code \Seen}, as a mail client
 * does after sending (IMAP APPEND, RFC 3501 §6.3.11).
 */
@ApplicationScoped
public class SentFolderCopier {

  @Inject MailSessions sessions;
  @Inject FailureTranslator translator;

  /**
   * @param sent the bytes sent, by email record id
   * @return why the copy failed, by email record id; records not named were copied
   */
  public Map<Long, String> copy(SentFolderCopy target, Map<Long, byte[]> sent) {
    if (target.unusable() != null) {
      return allFailed(sent, target.unusable().getMessage());
    }
    Store store;
    try {
      store = sessions.connectStore(target.server());
    } catch (MailServerFailure failure) {
      return allFailed(sent, failure.getMessage());
    }
    try {
      Folder folder = store.getFolder(target.folder());
      if (!folder.exists()) {
        return allFailed(
            sent,
            "the folder '"
                + target.folder()
                + "' does not exist on the "
                + target.server().describe()
                + "; enter the name of the mailbox's Sent folder (e.g. 'Sent Items') in the"
                + " mailbox's settings");
      }
      Map<Long, String> failed = new LinkedHashMap<>();
      for (Map.Entry<Long, byte[]> copy : sent.entrySet()) {
        if (copy.getValue() == null) {
          failed.put(copy.getKey(), "SyncPost could not write the sent message again for its copy");
          continue;
        }
        try {
          MimeMessage message =
              new MimeMessage((Session) null, new ByteArrayInputStream(copy.getValue()));
          message.setFlags(new Flags(Flags.Flag.SEEN), true);
          folder.appendMessages(new Message[] {message});
        } catch (MessagingException | RuntimeException e) {
          failed.put(copy.getKey(), translator.translate(e, target.server()).getMessage());
        }
      }
      return failed;
    } catch (MessagingException | RuntimeException e) {
      return allFailed(sent, translator.translate(e, target.server()).getMessage());
    } finally {
      try {
        store.close();
      } catch (MessagingException closing) {
        // the copies are made or reported; a failed LOGOUT changes neither
      }
    }
  }

  private static Map<Long, String> allFailed(Map<Long, byte[]> sent, String reason) {
    Map<Long, String> failed = new LinkedHashMap<>();
    sent.keySet().forEach(id -> failed.put(id, reason));
    return failed;
  }
}
