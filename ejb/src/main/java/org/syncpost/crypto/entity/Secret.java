package org.syncpost.crypto.entity;

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

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
