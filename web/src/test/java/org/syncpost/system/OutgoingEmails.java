package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;

/** Emails created over REST for a sending mailbox, and waits on their records. */
record OutgoingEmails(Api admin) {

  /** A plain-text and HTML email from {@code senderMailboxId} to {@code to}, as the REST body. */
  static String email(long senderMailboxId, String to, String subject) {
    return Json.createObjectBuilder()
        .add("senderMailboxId", senderMailboxId)
        .add("to", Json.createArrayBuilder().add(to))
        .add("subject", subject)
        .add("textBody", "Hello from SyncPost")
        .add("htmlBody", "<p>Hello from <b>SyncPost</b></p>")
        .build()
        .toString();
  }

  /** Creates the email; its record's id. */
  long send(long senderMailboxId, String to, String subject) {
    Reply created = admin.post("emails", email(senderMailboxId, to, subject));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /**
   * The email's record once {@code condition} holds, or the last one read after {@code timeout}.
   */
  JsonObject await(long id, Predicate<JsonObject> condition, Duration timeout) {
    return Eventually.lastWithin(timeout, () -> admin.get("emails/" + id).json(), condition);
  }
}
