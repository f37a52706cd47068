package org.syncpost.api.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.syncpost.idempotency.boundary.IdempotentRequests;
import org.syncpost.idempotency.entity.Answer;
import org.syncpost.idempotency.entity.IdempotentRequest;
import org.syncpost.idempotency.entity.KeyTaken;
import org.syncpost.idempotency.entity.RequestStillRunning;
import org.syncpost.validation.entity.InvalidInput;

/**
 * A creating call made at most once per caller and key (REST {@code Idempotency-Key}, SOAP {@code
 * clientRequestId}; the IETF draft "The Idempotency-Key HTTP Header Field"): a repetition within 24
 * hours gets the first answer, a different request under the same key is refused, and a request
 * racing the first one waits briefly for its answer instead of creating a second record.
 */
public final class IdempotentCalls {

  /** How long a racing request waits for the first one to commit before it answers 409. */
  private static final long WAIT_MILLIS = 5_000;

  private static final long POLL_MILLIS = 100;

  private IdempotentCalls() {}

  /**
   * The key as sent, checked: 1 to 255 visible ASCII characters; {@code null} when none was sent.
   */
  public static String key(String field, String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()
        || value.length() > IdempotentRequest.MAX_KEY
        || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw InvalidInput.of(
          field,
          "must be 1 to "
              + IdempotentRequest.MAX_KEY
              + " visible ASCII characters, e.g. a UUID; a new one for each new request");
    }
    return value;
  }

  /** SHA-256 (hex) of the request's canonical text: equal requests, equal fingerprints. */
  public static String fingerprint(String request) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(request.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform has SHA-256", impossible);
    }
  }

  /**
   * The first answer for this key, or {@code work}'s (run in the transaction that records the key).
   */
  public static Answer once(
      IdempotentRequests requests,
      String operation,
      String field,
      String key,
      String fingerprint,
      Supplier<Answer> work) {
    Optional<Answer> previous = requests.previous(operation, key, fingerprint, field);
    if (previous.isPresent()) {
      return previous.get();
    }
    try {
      return requests.answerOnce(operation, key, fingerprint, work);
    } catch (KeyTaken taken) {
      return firstAnswer(requests, operation, field, key, fingerprint);
    }
  }

  /**
   * The racing request's answer once it committed. PostgreSQL makes the second insert wait for the
   * first transaction; H2 may refuse it at once, so the answer is polled for a few seconds.
   */
  private static Answer firstAnswer(
      IdempotentRequests requests, String operation, String field, String key, String fp) {
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    while (true) {
      Optional<Answer> first = requests.previous(operation, key, fp, field);
      if (first.isPresent()) {
        return first.get();
      }
      if (System.nanoTime() > deadline) {
        throw new RequestStillRunning(field, key);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new RequestStillRunning(field, key);
      }
    }
  }
}
