package org.syncpost.email.entity;

import java.time.Instant;

/**
 * Which emails a list shows; {@code null} fields do not filter.
 *
 * @param since received or sent (or created, for unsent) at or after
 * @param until before
 */
public record EmailFilter(
    Long mailboxId,
    Direction direction,
    EmailStatus status,
    Instant since,
    Instant until,
    Long conversationId) {}
