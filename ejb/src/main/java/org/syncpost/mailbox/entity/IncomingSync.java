package org.syncpost.mailbox.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.time.Instant;

/**
 * A mailbox's incoming mail: how it last tested and whether it is enabled ({@link TestResult}), how
 * its synchronization goes ({@link IncomingHealth}: cycles, retries of transient failures, next
 * poll), and the error policy's automatic re-test of a disabled server ({@link IncomingRetest}).
 * Immutable: {@link Mailbox} replaces it as a whole, and keeps the last error itself.
 */
@Embeddable
public class IncomingSync {

  @Embedded
  @AttributeOverride(name = "status", column = @Column(name = "incoming_status"))
  @AttributeOverride(name = "enabled", column = @Column(name = "enabled_for_incoming"))
  private TestResult incoming;

  @Embedded private IncomingHealth health;

  @Embedded private IncomingRetest retest;

  protected IncomingSync() {}

  private IncomingSync(TestResult incoming, IncomingHealth health, IncomingRetest retest) {
    this.incoming = incoming;
    this.health = health;
    this.retest = retest;
  }

  /** Not tested, never synchronized, nothing disabled by policy. */
  static IncomingSync fresh() {
    return new IncomingSync(TestResult.notRun(), IncomingHealth.fresh(), IncomingRetest.none());
  }

  /** A new server has not been tested: tested &amp; enabled again, no automatic re-test. */
  IncomingSync untested() {
    return new IncomingSync(TestResult.notRun(), getHealth(), IncomingRetest.none());
  }

  /**
   * An administrator's test &amp; enable decides now: no automatic re-test of what they saw fail; a
   * test that passed forgets the transient failures.
   */
  IncomingSync tested(TestResult result, boolean passed) {
    IncomingHealth now = getHealth();
    return new IncomingSync(
        result, passed ? now.withoutTransientFailures() : now, IncomingRetest.none());
  }

  /** The same outcome, no longer enabled (rejected, deactivated). */
  IncomingSync disabled() {
    return new IncomingSync(getIncoming().disabled(), getHealth(), getRetest());
  }

  /** An approver refused the address: disabled, and no automatic re-test. */
  IncomingSync rejected() {
    return new IncomingSync(getIncoming().disabled(), getHealth(), IncomingRetest.none());
  }

  /** A failure that needs an administrator: disabled until tested &amp; enabled again. */
  IncomingSync failedTest() {
    return new IncomingSync(TestResult.failed(), getHealth(), getRetest());
  }

  /** Whether the scheduler should poll it now: enabled, and its next poll is due. */
  boolean isPollDue(Instant now) {
    return getIncoming().isEnabled() && getHealth().isPollDue(now);
  }

  /** A synchronization cycle begins. */
  IncomingSync started(Instant at) {
    return new IncomingSync(getIncoming(), getHealth().started(at), getRetest());
  }

  /** A cycle completed (see {@link IncomingHealth#succeeded}). */
  IncomingSync succeeded(int processed, int failed, Instant at, Instant nextPoll) {
    return new IncomingSync(
        getIncoming(), getHealth().succeeded(processed, failed, at, nextPoll), getRetest());
  }

  /**
   * Whether a failed cycle is retried: a transient failure while fewer than {@code retryCount}
   * retries have been used, or one of a cycle run before the planned retry fell due (sync now),
   * which keeps that retry and spends none.
   */
  boolean retries(boolean transientFailure, int retryCount) {
    return transientFailure
        && (getHealth().isRetryStillAheadOfThisCycle() || getHealth().mayRetry(retryCount));
  }

  /**
   * A cycle failed: retried at {@code retryAt} (see {@link #retries}); otherwise incoming is
   * disabled (test &amp; enable again) by the error policy, not an administrator, and its server is
   * tested again at {@code retestAt}.
   */
  IncomingSync failed(boolean transientFailure, int retryCount, Instant retryAt, Instant retestAt) {
    if (transientFailure && getHealth().isRetryStillAheadOfThisCycle()) {
      return this;
    }
    if (transientFailure && getHealth().mayRetry(retryCount)) {
      return new IncomingSync(getIncoming(), getHealth().retryingAt(retryAt), getRetest());
    }
    return new IncomingSync(TestResult.failed(), getHealth(), IncomingRetest.scheduledAt(retestAt));
  }

  /** Whether the error policy disabled incoming and a re-test of its server is due. */
  boolean isRetestDue(Instant now) {
    return getRetest().isDue(now) && !getIncoming().isEnabled();
  }

  /** A re-test found the server accepting the mailbox again: enabled, polled from {@code at} on. */
  IncomingSync retestPassed(Instant at) {
    return new IncomingSync(
        TestResult.passed(),
        getHealth().withoutTransientFailures().nextPollAt(at),
        IncomingRetest.none());
  }

  /** A re-test failed again: the next one after {@code nextAt}. */
  IncomingSync retestFailed(Instant nextAt) {
    return new IncomingSync(getIncoming(), getHealth(), getRetest().failedAgain(nextAt));
  }

  /** Polled again at {@code at} at the earliest. */
  IncomingSync postponed(Instant at) {
    return new IncomingSync(getIncoming(), getHealth().nextPollAt(at), getRetest());
  }

  public TestResult getIncoming() {
    return incoming == null ? TestResult.notRun() : incoming;
  }

  public IncomingHealth getHealth() {
    return health == null ? IncomingHealth.fresh() : health;
  }

  public IncomingRetest getRetest() {
    return retest == null ? IncomingRetest.none() : retest;
  }
}
