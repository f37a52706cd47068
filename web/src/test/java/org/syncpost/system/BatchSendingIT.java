package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/** {@code POST /api/v1/emails/batch}: up to 1,000 emails in one transaction, all or none. */
@ExtendWith(SharedSyncPost.class)
@Timeout(180)
class BatchSendingIT {

  private final Api admin;

  BatchSendingIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void aBatchCreatesEveryEmailAndAnswersEachIdAndLocationInTheOrderSent() {
    long mailbox = newMailbox();
    JsonArrayBuilder emails = Json.createArrayBuilder();
    for (int i = 0; i < 1_000; i++) {
      emails.add(draft(mailbox, "batch item " + i));
    }

    Reply created = admin.post("emails/batch", batch(emails));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var items = created.json().getJsonArray("emails");
    assertThat(items).hasSize(1_000);
    JsonObject last = items.getJsonObject(999);
    Reply read = admin.get(last.getString("location"));
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().getJsonNumber("id").longValue())
        .isEqualTo(last.getJsonNumber("id").longValue());
    assertThat(read.json().getString("subject")).isEqualTo("batch item 999");
    assertThat(last.getString("status")).isEqualTo("DRAFT");
    assertThat(emailsOf(mailbox)).isEqualTo(1_000);
  }

  @Test
  void oneInvalidEmailRefusesTheWholeBatchNamingItsIndexAndStoresNothing() {
    long mailbox = newMailbox();
    JsonArrayBuilder emails =
        Json.createArrayBuilder()
            .add(draft(mailbox, "fine"))
            .add(draft(mailbox, "bad address").add("to", Json.createArrayBuilder().add("@nowhere")))
            .add(draft(mailbox, "also fine"))
            .add(draft(mailbox, "no recipient").add("to", Json.createArrayBuilder()));

    Reply refused = admin.post("emails/batch", batch(emails));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(ProfilesApiIT.errors(refused)).containsOnlyKeys("emails[1].to[0]", "emails[3].to");
    assertThat(emailsOf(mailbox)).isZero();
  }

  @Test
  void aFieldTheApiCannotReadIsNamedWithItsIndex() {
    long mailbox = newMailbox();
    JsonArrayBuilder emails =
        Json.createArrayBuilder()
            .add(draft(mailbox, "fine"))
            .add(draft(mailbox, "unknown field").add("colour", "red"));

    Reply refused = admin.post("emails/batch", batch(emails));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(ProfilesApiIT.errors(refused)).containsOnlyKeys("emails[1].colour");
    assertThat(emailsOf(mailbox)).isZero();
  }

  @Test
  void aBatchOfMoreThanAThousandIsRefused() {
    long mailbox = newMailbox();
    JsonArrayBuilder emails = Json.createArrayBuilder();
    for (int i = 0; i < 1_001; i++) {
      emails.add(draft(mailbox, "too many " + i));
    }

    Reply refused = admin.post("emails/batch", batch(emails));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(ProfilesApiIT.errors(refused)).containsOnlyKeys("emails");
    assertThat(emailsOf(mailbox)).isZero();
  }

  @Test
  void aRetriedBatchWithTheSameIdempotencyKeyCreatesNothingTheSecondTime() {
    long mailbox = newMailbox();
    String body =
        batch(Json.createArrayBuilder().add(draft(mailbox, "a")).add(draft(mailbox, "b")));
    String key = UUID.randomUUID().toString();

    Reply first = admin.post("emails/batch", body, "Idempotency-Key", key);
    Reply again = admin.post("emails/batch", body, "Idempotency-Key", key);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(emailsOf(mailbox)).isEqualTo(2);
  }

  private static String batch(JsonArrayBuilder emails) {
    return Json.createObjectBuilder().add("emails", emails).build().toString();
  }

  private static JsonObjectBuilder draft(long mailbox, String subject) {
    return Json.createObjectBuilder()
        .add("senderMailboxId", mailbox)
        .add("to", Json.createArrayBuilder().add("someone@example.org"))
        .add("subject", subject)
        .add("draft", true);
  }

  private int emailsOf(long mailbox) {
    Reply page = admin.get("emails?mailboxId=" + mailbox + "&limit=1");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return Integer.parseInt(page.header("X-Total-Count"));
  }

  /** A user's mailbox (every user gets one); drafts from it need no mail server. */
  private long newMailbox() {
    String name = unique("batch");
    Reply created = admin.post("users", Bodies.user(name).build().toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long userId = created.json().getJsonNumber("id").longValue();
    return admin.get("users/" + userId).json().getJsonNumber("mailboxId").longValue();
  }
}
