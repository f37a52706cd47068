package org.syncpost.mailserver.control;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.mailserver.entity.Endpoint;

/** What a sign-in sees: the subjects in the INBOX of the mailbox an endpoint signs in to. */
final class InboxSubjects {

  private InboxSubjects() {}

  static List<String> of(MailSessions sessions, Endpoint endpoint) throws MessagingException {
    try (Store store = sessions.connectStore(endpoint)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        List<String> subjects = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
          subjects.add(message.getSubject());
        }
        return subjects;
      } finally {
        inbox.close(false);
      }
    }
  }
}
