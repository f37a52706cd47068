package org.syncpost.directory.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Salted, iterated password hashes for the people who sign in (PBKDF2 with HMAC-SHA-256). The
 * iteration count is a trade: every API call with HTTP Basic verifies a hash.
 */
@ApplicationScoped
public class PasswordHashing {

  private static final Map<String, String> PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
          "Pbkdf2PasswordHash.Iterations", "60000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "16",
          "Pbkdf2PasswordHash.KeySizeBytes", "32");

  /** A hash of a password nobody has, so that unknown user names cost as much as known ones. */
  private String decoy;

  @Inject Pbkdf2PasswordHash hash;

  @PostConstruct
  void configure() {
    hash.initialize(PARAMETERS);
    decoy = hash.generate("decoy-password".toCharArray());
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean matches(String password, String storedHash) {
    return hash.verify(password.toCharArray(), storedHash == null ? decoy : storedHash)
        && storedHash != null;
  }
}
