package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Whether the error policy (not an administrator) disabled a mailbox's incoming mail, and when its
 * server is tested again. Immutable.
 */
@Embeddable
public class IncomingRetest {

  @Column(name = "incoming_disabled_by_policy", nullable = false)
  private boolean disabledByPolicy;

  @Column(name = "incoming_retest_at")
  private Instant retestAt;

  @Column(name = "incoming_retests", nullable = false)
  private int retests;

  protected IncomingRetest() {}

  private IncomingRetest(boolean disabledByPolicy, Instant retestAt, int retests) {
    this.disabledByPolicy = disabledByPolicy;
    this.retestAt = retestAt;
    this.retests = retests;
  }

  /** No automatic re-test: nothing disabled by policy, or an administrator decides now. */
  public static IncomingRetest none() {
    return new IncomingRetest(false, null, 0);
  }

  /** The error policy disabled incoming: its server is tested again at {@code at}. */
  public static IncomingRetest scheduledAt(Instant at) {
    return new IncomingRetest(true, at, 0);
  }

  /** A re-test failed again: the next one at {@code nextAt}. */
  public IncomingRetest failedAgain(Instant nextAt) {
    return new IncomingRetest(disabledByPolicy, nextAt, retests + 1);
  }

  /** Whether a re-test is due at {@code now}. */
  public boolean isDue(Instant now) {
    return disabledByPolicy && retestAt != null && !retestAt.isAfter(now);
  }

  public boolean isDisabledByPolicy() {
    return disabledByPolicy;
  }

  public Instant getRetestAt() {
    return retestAt;
  }

  public int getRetests() {
    return retests;
  }
}
