package org.syncpost.settings.entity;

/** Whether SyncPost processes a kind of item for a mailbox. */
public enum DeliveryMethod {
  NONE,
  SERVER_SIDE_SYNC
}
