package org.syncpost.incoming.entity;

/** Where a quarantined message stands. */
public enum QuarantineState {
  /** Waiting for a person: the reason says why it could not become a record. */
  OPEN,
  /** A retry made it a record. */
  RESOLVED
}
