package org.syncpost.mailserver.entity;

import java.util.Optional;

/**
 * How a connection test went: passed, with what was checked; or failed, with the cause in plain
 * words, the advice and the technical detail of the {@link MailServerFailure}.
 *
 * @param passed whether every step succeeded
 * @param endpoint {@code IMAP server imap.example.com:993}
 * @param message what was checked, or what failed and why
 * @param cause the failure's cause; {@code null} when passed
 * @param technicalDetail exception classes and messages, scrubbed of secrets; {@code null} when
 *     passed
 */
public record TestOutcome(
    boolean passed, String endpoint, String message, FailureCause cause, String technicalDetail) {

  public static TestOutcome passed(String endpoint, String whatWasChecked) {
    return new TestOutcome(true, endpoint, whatWasChecked, null, null);
  }

  public static TestOutcome failed(MailServerFailure failure) {
    return new TestOutcome(
        false,
        failure.endpoint(),
        failure.getMessage(),
        failure.failureCause(),
        failure.technicalDetail());
  }

  public boolean failed() {
    return !passed;
  }

  public Optional<FailureCause> failureCause() {
    return Optional.ofNullable(cause);
  }

  /** What to do next, for a failed test. */
  public Optional<String> advice() {
    return failureCause().map(FailureCause::advice);
  }
}
