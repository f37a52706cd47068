package org.syncpost.access.entity;

import java.time.Instant;

/**
 * Too many failed sign-ins: a user name, or a client address, may not sign in until {@code until}.
 * Fired so that administrators are alerted and the audit trail shows it.
 *
 * @param scope whether the user name or the client address is locked
 * @param key the locked user name or address
 * @param failures the failed sign-ins that led to it
 */
public record SignInLocked(Scope scope, String key, Instant until, int failures) {

  /** What a lock applies to. */
  public enum Scope {
    /** One user name, from anywhere. */
    ACCOUNT("user name"),
    /** One client address, for every user name. */
    ADDRESS("client address");

    private final String words;

    Scope(String words) {
      this.words = words;
    }

    /** How an administrator reads it: "user name", "client address". */
    public String words() {
      return words;
    }
  }
}
