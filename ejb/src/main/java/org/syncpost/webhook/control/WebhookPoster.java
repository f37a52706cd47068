package org.syncpost.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** POSTs one signed event to a subscriber, within a timeout, and says how it went. */
@ApplicationScoped
public class WebhookPoster {

  @Inject
  @ConfigProperty(name = "syncpost.webhook.timeout-seconds", defaultValue = "10")
  int timeoutSeconds = 10;

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** What the subscriber answered: its status, or why there was none. */
  public record Outcome(Integer status, String error, long millis) {

    public boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }

    /** Why it was not delivered, for the log and the alert. */
    public String why() {
      return error != null ? error : "the receiver answered HTTP " + status;
    }
  }

  public Outcome post(String url, String eventId, String body, String secret, long timestamp) {
    long start = System.nanoTime();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(Math.max(timeoutSeconds, 1)))
              .header("Content-Type", "application/json")
              .header("User-Agent", "SyncPost-Webhooks")
              .header(WebhookSignature.EVENT_ID_HEADER, eventId)
              .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
              .header(
                  WebhookSignature.SIGNATURE_HEADER, WebhookSignature.of(secret, timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return new Outcome(response.statusCode(), null, millisSince(start));
    } catch (IOException | IllegalArgumentException failed) {
      return new Outcome(
          null,
          "no answer: " + failed.getClass().getSimpleName() + " " + failed.getMessage(),
          millisSince(start));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "interrupted while delivering", millisSince(start));
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
