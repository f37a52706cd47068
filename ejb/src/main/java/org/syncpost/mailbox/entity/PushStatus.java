package org.syncpost.mailbox.entity;

/**
 * How push (IMAP IDLE) stands for a mailbox. In every state but {@link #LISTENING} the mailbox is
 * polled at its profile's polling interval; while listening it is polled too, as a safety net.
 */
public enum PushStatus {
  /** Push is not asked for (or the mailbox is not enabled for IMAP incoming email). */
  NOT_REQUESTED,
  /** A node holds an IDLE connection to each of its folders. */
  LISTENING,
  /** The server does not offer IDLE (its CAPABILITY lacks it): polled; asked again later. */
  NOT_OFFERED,
  /** No connection slot is free within the share push may use (ADR 0008): polled meanwhile. */
  WAITING_FOR_CONNECTION,
  /** The IDLE connection failed: polled, and listening is tried again after a pause. */
  FAILED
}
