package org.syncpost.system;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/** Small builders for request bodies, so tests read as the data they send. */
public final class Bodies {

  private Bodies() {}

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** An IMAP/SMTP profile with SSL and no ports, credentials from the mailboxes. */
  public static String imapProfile(String name) {
    return """
        {"name": "%s", "serverType": "IMAP_SMTP",
         "incomingServer": "imap.example.org", "outgoingServer": "smtp.example.org"}
        """
        .formatted(name);
  }

  /** A user named {@code name} at example.org, without roles; a test adds what it needs. */
  public static JsonObjectBuilder user(String name) {
    return Json.createObjectBuilder().add("name", name).add("email", name + "@example.org");
  }
}
