package org.syncpost.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a few minutes that a password matched a stored hash, so that a program calling the
 * API with HTTP Basic pays the deliberately slow PBKDF2 check once, not on every request (at 60,000
 * iterations it cost more than sending the email the request asked for).
 *
 * <p>What is kept is an HMAC of the stored hash and the password under a key that exists only in
 * this JVM's memory: nothing in it reveals a password, and a changed password (a new salted hash)
 * never matches an old entry. Only passwords that matched are remembered, so wrong guesses always
 * take the full cost.
 */
@ApplicationScoped
public class VerifiedPasswords {

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
  static final int MAX_REMEMBERED = 10_000;

  private final SecretKeySpec key;
  private final Map<String, Instant> verifiedUntil = new ConcurrentHashMap<>();

  @Inject Clock clock;

  public VerifiedPasswords() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** Whether {@code password} matched {@code storedHash} within the last few minutes. */
  public boolean remembers(String storedHash, String password) {
    if (storedHash == null || password == null) {
      return false;
    }
    String entry = entryFor(storedHash, password);
    Instant until = verifiedUntil.get(entry);
    if (until == null) {
      return false;
    }
    if (!until.isAfter(clock.instant())) {
      verifiedUntil.remove(entry, until);
      return false;
    }
    return true;
  }

  /** {@code password} was just checked against {@code storedHash}, and matched. */
  public void remember(String storedHash, String password) {
    if (verifiedUntil.size() >= MAX_REMEMBERED) {
      // more callers than any real deployment has: start over rather than grow without bound
      verifiedUntil.clear();
    }
    verifiedUntil.put(entryFor(storedHash, password), clock.instant().plus(REMEMBERED_FOR));
  }

  private String entryFor(String storedHash, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
