package org.syncpost.email.entity;

/** Whether SyncPost received an email or sends it. */
public enum Direction {
  INCOMING,
  OUTGOING
}
