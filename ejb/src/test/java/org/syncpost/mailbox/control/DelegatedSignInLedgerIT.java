package org.syncpost.mailbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.AsAdministrator;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailbox.entity.DelegatedStatus;
import org.syncpost.mailserver.control.DelegatedTokens;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.mailserver.entity.OAuthGrant;

/**
 * The stored side of delegated sign-in in the container, on the product's schema: a rotated refresh
 * token is saved with its use, so the next refresh works although the old token is void; a refused
 * one is forgotten and the mailbox waits to be connected again; two threads needing a token at once
 * use the refresh token once.
 *
 * <p>The token endpoint is a JDK {@code HttpServer} in this JVM (mock-oauth2-server is not in the
 * container deployment) that rotates refresh tokens and answers as RFC 6749 §5.1 and §5.2 say; the
 * grant against a real authorization server is {@code DelegatedTokensIT}'s.
 */
@ExtendWith(ArquillianExtension.class)
class DelegatedSignInLedgerIT {

  private static final String SERVER = "IMAP server mail.example.org:993";

  @Inject AsAdministrator admin;
  @Inject DelegatedSignInLedger ledger;
  @Inject DelegatedTokens tokens;

  private final RotatingTokenEndpoint endpoint = new RotatingTokenEndpoint();
  private OAuthClient client;

  @BeforeEach
  void start() throws IOException {
    client =
        new OAuthClient(
            OAuthGrant.AUTHORIZATION_CODE,
            endpoint.start(),
            "syncpost-web",
            null,
            null,
            null,
            "mail");
  }

  @AfterEach
  void stop() {
    endpoint.stop();
  }

  @Test
  void aRotatedRefreshTokenIsSavedWithItsUseSoTheNextRefreshWorks() throws Exception {
    long mailbox = admin.newMailbox("delegated");
    ledger.connect(mailbox, Secret.of(endpoint.issue()), "alice");

    Secret first = ledger.accessToken(mailbox, client, SERVER);
    tokens.forget(client, DelegatedSignInLedger.keyOf(mailbox));
    Secret second = ledger.accessToken(mailbox, client, SERVER);

    assertThat(first.reveal()).isNotEqualTo(second.reveal());
    assertThat(endpoint.refreshes.get()).isEqualTo(2);
    DelegatedStatus status = ledger.status(mailbox);
    assertThat(status.state()).isEqualTo(DelegatedStatus.State.CONNECTED);
    assertThat(status.connectedBy()).isEqualTo("alice");
    assertThat(status.refreshedOn()).isNotNull();
  }

  @Test
  void aRefusedRefreshTokenIsForgottenAndTheMailboxMustBeConnectedAgain() throws Exception {
    long mailbox = admin.newMailbox("delegated");
    String refreshToken = endpoint.issue();
    ledger.connect(mailbox, Secret.of(refreshToken), "alice");
    endpoint.revokeAll();

    MailServerFailure refused =
        catchThrowableOfType(
            MailServerFailure.class, () -> ledger.accessToken(mailbox, client, SERVER));
    MailServerFailure again =
        catchThrowableOfType(
            MailServerFailure.class, () -> ledger.accessToken(mailbox, client, SERVER));

    assertThat(refused.failureCause()).isEqualTo(FailureCause.CONNECT_AGAIN);
    assertThat(refused.getMessage() + refused.technicalDetail()).doesNotContain(refreshToken);
    assertThat(again.failureCause()).isEqualTo(FailureCause.CONNECT_AGAIN);
    assertThat(endpoint.refreshes.get()).as("the forgotten token is not tried again").isEqualTo(1);
    assertThat(ledger.status(mailbox).state()).isEqualTo(DelegatedStatus.State.CONNECT_AGAIN);

    ledger.connect(mailbox, Secret.of(endpoint.issue()), "bob");
    assertThat(ledger.accessToken(mailbox, client, SERVER).reveal()).startsWith("access-");
    assertThat(ledger.status(mailbox).connectedBy()).isEqualTo("bob");
  }

  @Test
  void twoThreadsNeedingATokenAtOnceUseTheRefreshTokenOnce() throws Exception {
    long mailbox = admin.newMailbox("delegated");
    ledger.connect(mailbox, Secret.of(endpoint.issue()), "alice");
    endpoint.slowDown();

    CompletableFuture<Secret> first =
        CompletableFuture.supplyAsync(() -> ledger.accessToken(mailbox, client, SERVER));
    CompletableFuture<Secret> second =
        CompletableFuture.supplyAsync(() -> ledger.accessToken(mailbox, client, SERVER));

    assertThat(first.get().reveal()).isEqualTo(second.get().reveal());
    assertThat(endpoint.refreshes.get()).isEqualTo(1);
  }

  /**
   * A token endpoint that knows the refresh tokens it issued, replaces each one it takes by a new
   * one (rotation), and refuses the others with {@code invalid_grant}.
   */
  static final class RotatingTokenEndpoint {
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    private volatile long delayMillis;
    private HttpServer server;

    URI start() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/token", this::answer);
      server.start();
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    void stop() {
      if (server != null) {
        server.stop(0);
      }
    }

    String issue() {
      String token = "refresh-" + issued.incrementAndGet() + "-" + System.nanoTime();
      valid.add(token);
      return token;
    }

    void revokeAll() {
      valid.clear();
    }

    void slowDown() {
      delayMillis = 500;
    }

    private void answer(HttpExchange exchange) throws IOException {
      Map<String, String> form = new HashMap<>();
      for (String pair :
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
        String[] parts = pair.split("=", 2);
        form.put(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
      refreshes.incrementAndGet();
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String body;
      int status;
      if ("refresh_token".equals(form.get("grant_type"))
          && valid.remove(form.get("refresh_token"))) {
        status = 200;
        body =
            "{\"access_token\":\"access-"
                + System.nanoTime()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\""
                + issue()
                + "\"}";
      } else {
        status = 400;
        body = "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }
  }
}
