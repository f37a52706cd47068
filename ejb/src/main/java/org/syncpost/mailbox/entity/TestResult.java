package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How one direction (incoming or outgoing) of a mailbox last tested, and whether it is enabled.
 * Immutable; the mailbox holds one per direction, mapped onto that direction's columns.
 */
@Embeddable
public class TestResult {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TestStatus status = TestStatus.NOT_RUN;

  @Column(nullable = false)
  private boolean enabled;

  protected TestResult() {}

  private TestResult(TestStatus status, boolean enabled) {
    this.status = status;
    this.enabled = enabled;
  }

  /** Not tested, not enabled: e.g. on a new mailbox or after a change of server. */
  public static TestResult notRun() {
    return new TestResult(TestStatus.NOT_RUN, false);
  }

  /** A test & enable's outcome: enabled when it passed and the mailbox may be enabled. */
  public static TestResult tested(TestStatus status, boolean mayEnable) {
    return new TestResult(status, mayEnable && status == TestStatus.SUCCESS);
  }

  /** Passed (e.g. a re-test): enabled. */
  public static TestResult passed() {
    return new TestResult(TestStatus.SUCCESS, true);
  }

  /** Failed in a way that needs an administrator: disabled until tested &amp; enabled again. */
  public static TestResult failed() {
    return new TestResult(TestStatus.FAILURE, false);
  }

  /** The same outcome, no longer enabled (rejected, deactivated). */
  public TestResult disabled() {
    return new TestResult(status, false);
  }

  public TestStatus getStatus() {
    return status;
  }

  public boolean isEnabled() {
    return enabled;
  }
}
