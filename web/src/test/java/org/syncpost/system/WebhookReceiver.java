package org.syncpost.system;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An application's webhook endpoint on loopback (the JDK's HTTP server): keeps every delivery it
 * got with whether its signature was valid, and answers 204 — or 503 for the first {@code
 * failFirst} requests, or nothing to the first one until released.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One POST as received. */
  public record Delivery(
      String eventId, JsonObject event, boolean signatureValid, long timestamp) {}

  private final HttpServer server;
  private final String secret;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;
  private final AtomicBoolean stallFirst;
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile String stalledEventId;

  private WebhookReceiver(String secret, int failFirst, boolean stallFirst) throws IOException {
    this.secret = secret;
    this.failuresLeft = new AtomicInteger(failFirst);
    this.stallFirst = new AtomicBoolean(stallFirst);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // a stalled request must not hold up the next ones
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (this.stallFirst.getAndSet(false)) {
            stalledEventId = exchange.getRequestHeaders().getFirst("X-SyncPost-Event-Id");
            try {
              // no answer until released: the sender is killed meanwhile
              released.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
          }
          if (failuresLeft.getAndDecrement() > 0) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
          }
          String text = new String(body, StandardCharsets.UTF_8);
          String timestamp = exchange.getRequestHeaders().getFirst("X-SyncPost-Timestamp");
          String signature = exchange.getRequestHeaders().getFirst("X-SyncPost-Signature");
          try (var reader = Json.createReader(new StringReader(text))) {
            deliveries.add(
                new Delivery(
                    exchange.getRequestHeaders().getFirst("X-SyncPost-Event-Id"),
                    reader.readObject(),
                    valid(timestamp, text, signature),
                    Long.parseLong(timestamp)));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  public static WebhookReceiver answering200(String secret) throws IOException {
    return new WebhookReceiver(secret, 0, false);
  }

  static WebhookReceiver failingFirst(String secret, int failures) throws IOException {
    return new WebhookReceiver(secret, failures, false);
  }

  /** Holds the first request without an answer until {@link #release()}; answers the rest. */
  static WebhookReceiver stallingOnFirst(String secret) throws IOException {
    return new WebhookReceiver(secret, 0, true);
  }

  /** The event id of the request held without an answer, once one arrived. */
  String stalledEventId() {
    return stalledEventId;
  }

  void release() {
    released.countDown();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** HMAC-SHA256 over "timestamp.body" with the secret, compared in constant time. */
  private boolean valid(String timestamp, String body, String signature) {
    if (timestamp == null || signature == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected =
          "v1="
              + HexFormat.of()
                  .formatHex(
                      mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          signature.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
