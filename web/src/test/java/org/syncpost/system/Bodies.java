package org.syncpost.system;

import java.util.UUID;

/** Small builders for request bodies, so tests read as the data they send. */
final class Bodies {

  private Bodies() {}

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** An IMAP/SMTP profile with SSL and no ports, credentials from the mailboxes. */
  static String imapProfile(String name) {
    return """
        {"name": "%s", "serverType": "IMAP_SMTP",
         "incomingServer": "imap.example.org", "outgoingServer": "smtp.example.org"}
        """
        .formatted(name);
  }
}
