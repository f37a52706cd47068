package org.syncpost.incoming.entity;

/**
 * What one synchronization cycle of a mailbox came to.
 *
 * @param recorded messages that became (or were linked to) email records
 * @param quarantined messages kept in quarantine with the reason
 * @param moreWaiting the cycle stopped at its cap; the next one follows soon
 * @param errorCode the failure's code ({@code incoming-...} or a mail server failure code), or
 *     {@code null}
 * @param errorText what failed, in plain words, or {@code null}
 */
public record SyncOutcome(
    long mailboxId,
    SyncStatus status,
    int recorded,
    int quarantined,
    boolean moreWaiting,
    String errorCode,
    String errorText) {

  public static SyncOutcome skipped(long mailboxId, SyncStatus status, String code, String text) {
    return new SyncOutcome(mailboxId, status, 0, 0, false, code, text);
  }
}
