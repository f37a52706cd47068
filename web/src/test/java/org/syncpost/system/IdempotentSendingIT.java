package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/emails}: a client that retries after a timeout
 * gets the first answer and never a second email, also when its requests race.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(180)
class IdempotentSendingIT {

  private static final String PASSWORD = "idempotent-sending-password-1";

  private final SyncPostServer server;
  private final Api admin;

  IdempotentSendingIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @Test
  void aRepeatedRequestWithTheSameKeyAnswersTheFirstAnswerAndCreatesNoSecondEmail() {
    long mailbox = mailboxOf(user("mailbox-owner"));
    String key = UUID.randomUUID().toString();
    String draft = draft(mailbox, "retried after a timeout");

    Reply first = admin.post("emails", draft, "Idempotency-Key", key);
    Reply again = admin.post("emails", draft, "Idempotency-Key", key);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(emailsOf(mailbox)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAs422AndCreatesNothing() {
    long mailbox = mailboxOf(user("mailbox-owner"));
    String key = UUID.randomUUID().toString();
    admin.post("emails", draft(mailbox, "the first request"), "Idempotency-Key", key);

    Reply other = admin.post("emails", draft(mailbox, "another request"), "Idempotency-Key", key);

    assertThat(other.status()).as(other.toString()).isEqualTo(422);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().getString("type")).endsWith("/idempotency-key-reused");
    assertThat(other.json().getString("detail")).contains("different body");
    assertThat(emailsOf(mailbox)).isEqualTo(1);
  }

  @Test
  void requestsRacingWithTheSameKeyCreateOneEmailAndAllGetItsAnswer() throws Exception {
    long mailbox = mailboxOf(user("mailbox-owner"));
    String key = UUID.randomUUID().toString();
    String draft = draft(mailbox, "sent by eight threads at once");
    int racers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(racers);
    List<Reply> replies = new ArrayList<>();
    try {
      List<Future<Reply>> racing = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        racing.add(
            threads.submit(
                () -> {
                  start.await();
                  return admin.post("emails", draft, "Idempotency-Key", key);
                }));
      }
      start.countDown();
      for (Future<Reply> reply : racing) {
        replies.add(reply.get(90, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
    assertThat(replies.stream().map(r -> r.header("Location")).distinct()).hasSize(1);
    assertThat(emailsOf(mailbox)).isEqualTo(1);
  }

  @Test
  void keysBelongToTheirCaller() {
    String owner = user("mailbox-owner");
    long mailbox = mailboxOf(owner);
    String key = UUID.randomUUID().toString();
    String draft = draft(mailbox, "same key, two callers");

    Reply byAdmin = admin.post("emails", draft, "Idempotency-Key", key);
    Reply byOwner = server.https(owner, PASSWORD).post("emails", draft, "Idempotency-Key", key);

    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
    assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(201);
    assertThat(byOwner.header("Location")).isNotEqualTo(byAdmin.header("Location"));
    assertThat(emailsOf(mailbox)).isEqualTo(2);
  }

  @Test
  void aKeyThatIsNoVisibleAsciiTextIsRefusedNamingTheHeader() {
    long mailbox = mailboxOf(user("mailbox-owner"));

    Reply refused =
        admin.post("emails", draft(mailbox, "long key"), "Idempotency-Key", "k".repeat(256));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(ProfilesApiIT.errors(refused)).containsOnlyKeys("Idempotency-Key");
    assertThat(emailsOf(mailbox)).isZero();
  }

  private static String draft(long mailbox, String subject) {
    return Json.createObjectBuilder()
        .add("senderMailboxId", mailbox)
        .add("to", Json.createArrayBuilder().add("someone@example.org"))
        .add("subject", subject)
        .add("draft", true)
        .build()
        .toString();
  }

  private int emailsOf(long mailbox) {
    Reply page = admin.get("emails?mailboxId=" + mailbox + "&limit=1");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return Integer.parseInt(page.header("X-Total-Count"));
  }

  private String user(String role) {
    String name = unique("idempotent");
    Reply created =
        admin.post(
            "users",
            Bodies.user(name)
                .add("roles", Json.createArrayBuilder().add(role))
                .add("password", PASSWORD)
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return name;
  }

  private long mailboxOf(String name) {
    return admin.get("users?limit=1000").array().stream()
        .map(v -> v.asJsonObject())
        .filter(u -> u.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("mailboxId")
        .longValue();
  }
}
