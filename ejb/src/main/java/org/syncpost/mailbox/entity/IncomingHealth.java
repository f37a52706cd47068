package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * How a mailbox's incoming synchronization goes: when its last cycle started and succeeded, what
 * that cycle did, how many transient failures were retried, and when it is polled next. Immutable.
 */
@Embeddable
public class IncomingHealth {

  @Column(name = "last_sync_started_on")
  private Instant lastSyncStartedOn;

  @Column(name = "last_sync_succeeded_on")
  private Instant lastSyncSucceededOn;

  @Column(name = "items_processed_last_cycle", nullable = false)
  private int itemsProcessedLastCycle;

  @Column(name = "items_failed_last_cycle", nullable = false)
  private int itemsFailedLastCycle;

  @Column(name = "transient_failures", nullable = false)
  private int transientFailures;

  @Column(name = "next_incoming_poll_at")
  private Instant nextPollAt;

  protected IncomingHealth() {}

  private IncomingHealth(
      Instant lastSyncStartedOn,
      Instant lastSyncSucceededOn,
      int itemsProcessedLastCycle,
      int itemsFailedLastCycle,
      int transientFailures,
      Instant nextPollAt) {
    this.lastSyncStartedOn = lastSyncStartedOn;
    this.lastSyncSucceededOn = lastSyncSucceededOn;
    this.itemsProcessedLastCycle = itemsProcessedLastCycle;
    this.itemsFailedLastCycle = itemsFailedLastCycle;
    this.transientFailures = transientFailures;
    this.nextPollAt = nextPollAt;
  }

  /** Never synchronized: due at once. */
  public static IncomingHealth fresh() {
    return new IncomingHealth(null, null, 0, 0, 0, null);
  }

  /** Whether its next poll is due at {@code now}. */
  public boolean isPollDue(Instant now) {
    return nextPollAt == null || !nextPollAt.isAfter(now);
  }

  /** A synchronization cycle begins. */
  public IncomingHealth started(Instant at) {
    return new IncomingHealth(
        at,
        lastSyncSucceededOn,
        itemsProcessedLastCycle,
        itemsFailedLastCycle,
        transientFailures,
        nextPollAt);
  }

  /**
   * A cycle completed, next poll at {@code nextPoll} — unless push woke the mailbox while this
   * cycle ran (its next poll moved to a moment after the cycle began): then it stays due, since the
   * new message may have arrived after this cycle looked.
   */
  public IncomingHealth succeeded(int processed, int failed, Instant at, Instant nextPoll) {
    boolean wokenMeanwhile =
        nextPollAt != null
            && lastSyncStartedOn != null
            && nextPollAt.isAfter(lastSyncStartedOn)
            && !nextPollAt.isAfter(at);
    return new IncomingHealth(
        lastSyncStartedOn, at, processed, failed, 0, wokenMeanwhile ? nextPollAt : nextPoll);
  }

  /**
   * Whether the retry planned after an earlier failure is still ahead of the cycle that just ran:
   * that cycle was asked for ("sync now") before the retry fell due, so its failure must not spend
   * the retry budget faster than the schedule would.
   */
  public boolean isRetryStillAheadOfThisCycle() {
    return transientFailures > 0
        && nextPollAt != null
        && lastSyncStartedOn != null
        && nextPollAt.isAfter(lastSyncStartedOn);
  }

  /** Whether another transient failure may still be retried. */
  public boolean mayRetry(int retryCount) {
    return transientFailures < retryCount;
  }

  /** A transient failure, retried at {@code retryAt}. */
  public IncomingHealth retryingAt(Instant retryAt) {
    return new IncomingHealth(
        lastSyncStartedOn,
        lastSyncSucceededOn,
        itemsProcessedLastCycle,
        itemsFailedLastCycle,
        transientFailures + 1,
        retryAt);
  }

  /** Transient failures forgotten, e.g. after a test passed. */
  public IncomingHealth withoutTransientFailures() {
    return new IncomingHealth(
        lastSyncStartedOn,
        lastSyncSucceededOn,
        itemsProcessedLastCycle,
        itemsFailedLastCycle,
        0,
        nextPollAt);
  }

  /** Polled next at {@code at}. */
  public IncomingHealth nextPollAt(Instant at) {
    return new IncomingHealth(
        lastSyncStartedOn,
        lastSyncSucceededOn,
        itemsProcessedLastCycle,
        itemsFailedLastCycle,
        transientFailures,
        at);
  }

  public Instant getLastSyncStartedOn() {
    return lastSyncStartedOn;
  }

  public Instant getLastSyncSucceededOn() {
    return lastSyncSucceededOn;
  }

  public int getItemsProcessedLastCycle() {
    return itemsProcessedLastCycle;
  }

  public int getItemsFailedLastCycle() {
    return itemsFailedLastCycle;
  }

  public int getTransientFailures() {
    return transientFailures;
  }

  public Instant getNextPollAt() {
    return nextPollAt;
  }
}
