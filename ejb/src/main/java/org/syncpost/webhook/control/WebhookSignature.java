package org.syncpost.webhook.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-SyncPost-Signature: v1=<hex>}: HMAC-SHA256 with the subscription's secret over {@code
 * <timestamp>.<body>}, the timestamp being {@code X-SyncPost-Timestamp} (Unix seconds). A receiver
 * computes the same, compares in constant time, and refuses timestamps older than a few minutes
 * (replay protection).
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "X-SyncPost-Signature";
  public static final String TIMESTAMP_HEADER = "X-SyncPost-Timestamp";
  public static final String EVENT_ID_HEADER = "X-SyncPost-Event-Id";

  private WebhookSignature() {}

  public static String of(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signed = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(signed);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("every Java platform has HmacSHA256", impossible);
    }
  }
}
