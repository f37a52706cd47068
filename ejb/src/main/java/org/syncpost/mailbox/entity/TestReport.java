package org.syncpost.mailbox.entity;

/**
 * What a test & enable found for one mailbox.
 *
 * @param incoming the incoming direction's status ({@code NOT_RUN} when SyncPost does not process
 *     it)
 * @param outgoing the outgoing direction's status
 * @param failureCode the alert code of the first failure, or {@code null} when nothing failed
 * @param failureText that failure in plain words, or {@code null}
 */
public record TestReport(
    TestStatus incoming, TestStatus outgoing, String failureCode, String failureText) {

  public boolean passed() {
    return failureCode == null;
  }
}
