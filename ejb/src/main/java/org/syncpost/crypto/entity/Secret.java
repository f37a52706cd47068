package org.syncpost.crypto.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, token or key in memory. It never prints itself, so it cannot leak through a log line,
 * an exception message or a debugger's toString.
 *
 * <p>Equality is identity on purpose: replacing a secret with a new instance is what tells JPA that
 * the column must be written again.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The clear text, for the one place that hands it to a mail server. */
  public String reveal() {
    return value;
  }

  /**
   * Whether {@code other} holds the same text, compared in constant time (as any secret is), for
   * finding a refused token among those kept. Not {@code equals}: see the class comment.
   */
  public boolean sameAs(Secret other) {
    return other != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
