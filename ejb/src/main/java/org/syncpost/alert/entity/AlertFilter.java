package org.syncpost.alert.entity;

/**
 * Which alerts to list; {@code null} and {@code false} do not narrow.
 *
 * @param mailboxId only alerts about this mailbox
 * @param profileId only alerts about this email server profile
 * @param level only alerts of this level
 * @param includeDismissed also dismissed alerts (by default only open ones)
 * @param mine only alerts addressed to the caller (as mailbox owner or profile owner)
 */
public record AlertFilter(
    Long mailboxId, Long profileId, AlertLevel level, boolean includeDismissed, boolean mine) {

  /** All open alerts the caller may see. */
  public static AlertFilter open() {
    return new AlertFilter(null, null, null, false, false);
  }
}
