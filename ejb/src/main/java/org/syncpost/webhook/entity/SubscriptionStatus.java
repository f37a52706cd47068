package org.syncpost.webhook.entity;

/** Whether a subscription is being delivered. */
public enum SubscriptionStatus {
  ACTIVE,
  /** By an administrator, or after repeated failed deliveries; resumed by setting it ACTIVE. */
  PAUSED
}
