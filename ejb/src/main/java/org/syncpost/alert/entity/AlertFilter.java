package org.syncpost.alert.entity;

/**
 * Which alerts to list; {@code null} and {@code false} do not narrow.
 *
 * @param mailboxId only alerts about this mailbox
 * @param profileId only alerts about this email server profile
 * @param level only alerts of this level
 * @param includeDismissed also dismissed alerts (by default only open ones)
 * @param mine only alerts addressed to the caller (as mailbox owner or profile owner)
 * @param text text the alert's text, code or advice contains, in any letter case (the API's {@code
 *     q})
 */
public record AlertFilter(
    Long mailboxId,
    Long profileId,
    AlertLevel level,
    boolean includeDismissed,
    boolean mine,
    String text) {

  public AlertFilter {
    text = text == null || text.isBlank() ? null : text.strip();
  }

  /** Without text search. */
  public AlertFilter(
      Long mailboxId, Long profileId, AlertLevel level, boolean includeDismissed, boolean mine) {
    this(mailboxId, profileId, level, includeDismissed, mine, null);
  }

  /** All open alerts the caller may see. */
  public static AlertFilter open() {
    return new AlertFilter(null, null, null, false, false);
  }
}
