package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Who last tried a test &amp; enable of a mailbox, when, and when a test last completed. */
@Embeddable
public class TestAttempt {

  /** No test tried yet (all its columns are null, as EclipseLink then loads no object). */
  public static final TestAttempt NONE = new TestAttempt(null, null, null);

  @Column(name = "test_attempted_by", length = 100)
  private String attemptedBy;

  @Column(name = "test_attempted_on")
  private Instant attemptedOn;

  @Column(name = "test_completed_on")
  private Instant completedOn;

  protected TestAttempt() {}

  private TestAttempt(String attemptedBy, Instant attemptedOn, Instant completedOn) {
    this.attemptedBy = attemptedBy;
    this.attemptedOn = attemptedOn;
    this.completedOn = completedOn;
  }

  /** An administrator's test &amp; enable, completed at once. */
  public static TestAttempt by(String by, Instant at) {
    return new TestAttempt(by, at, at);
  }

  /** A test completed without an administrator (an automatic re-test). */
  public TestAttempt completedAt(Instant at) {
    return new TestAttempt(attemptedBy, attemptedOn, at);
  }

  public String getAttemptedBy() {
    return attemptedBy;
  }

  public Instant getAttemptedOn() {
    return attemptedOn;
  }

  public Instant getCompletedOn() {
    return completedOn;
  }
}
