package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * Requests that race to store the same unique name or address: one stores it, the others are told
 * it exists or was stored meanwhile (409) — never an internal error.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(120)
class SimultaneousRequestsIT {

  private static final int RACERS = 8;

  private final Api admin;

  SimultaneousRequestsIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void usersCreatedUnderOneNameAtTheSameMomentMakeOneUserAndNoInternalError() {
    for (int round = 0; round < 3; round++) {
      String name = unique("racer");
      List<Reply> replies =
          atOnce(
              () ->
                  admin.post(
                      "users",
                      "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(name, name)));

      assertThat(replies).extracting(Reply::status).doesNotContain(500).containsOnlyOnce(201);
      assertThat(replies)
          .filteredOn(reply -> reply.status() != 201)
          .extracting(Reply::status)
          .allMatch(status -> status == 400 || status == 409);
      assertThat(admin.get("users?q=" + name).array()).hasSize(1);
    }
  }

  @Test
  void importsOfTheSameNewAddressAtTheSameMomentKnowItOnceAndNoInternalError() {
    for (int round = 0; round < 3; round++) {
      String address = unique("customer") + "@example.com";
      List<Reply> replies =
          atOnce(
              () ->
                  admin.post(
                      "known-correspondents",
                      "{\"addresses\": [\"%s\"], \"source\": \"crm\"}".formatted(address)));

      assertThat(replies)
          .extracting(Reply::status)
          .as(replies.toString())
          .allMatch(status -> status == 200 || status == 201 || status == 409);
      assertThat(admin.get("known-correspondents?search=" + address).array()).hasSize(1);
    }
  }

  /** {@value #RACERS} of the same request on threads of their own, released together. */
  private static List<Reply> atOnce(Supplier<Reply> request) {
    ExecutorService threads = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Reply>> racing = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        racing.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                  return request.get();
                },
                threads));
      }
      start.countDown();
      return racing.stream().map(CompletableFuture::join).toList();
    } finally {
      threads.shutdownNow();
    }
  }
}
