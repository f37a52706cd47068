package org.syncpost.incoming.entity;

/** How a synchronization cycle ended. */
public enum SyncStatus {
  /** Every folder was read; new messages are records or in quarantine. */
  SUCCEEDED,
  /** A transient failure: tried again later, with back-off. */
  RETRYING,
  /** A permanent failure, or transient ones beyond the retry limit: incoming is now disabled. */
  DISABLED,
  /** The mailbox is not enabled for incoming email or not processed by SyncPost. */
  NOT_ENABLED,
  /** The organisation requires approval and the mailbox's address is not approved. */
  NOT_APPROVED,
  /** Another cycle (on this or another node) is working on the mailbox. */
  BUSY
}
