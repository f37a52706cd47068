package org.syncpost.outgoing.entity;

import java.time.Duration;
import java.time.Instant;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * What sending for one mailbox needs, read in a short transaction.
 *
 * @param blockedBecause why the mailbox may not send (not approved, not enabled), or {@code null}
 * @param postponedUntil sending is postponed until then, or {@code null}
 * @param endpoint its SMTP server, or {@code null} when blocked or unusable
 * @param unusable why its SMTP server cannot be used as configured, or {@code null}
 * @param retries the organisation's transient-error retries (attempts = retries + 1)
 * @param retryInterval the organisation's interval between retries, before backoff
 * @param profileId the mailbox's profile, or {@code null}
 * @param rate the profile's sending rate limit, or {@code null} for none
 * @param sentFolder where copies of sent email go, or {@code null} when the mailbox keeps none
 */
public record SendingPlan(
    long mailboxId,
    String mailboxName,
    String blockedBecause,
    Instant postponedUntil,
    Endpoint endpoint,
    MailServerFailure unusable,
    int retries,
    Duration retryInterval,
    Long profileId,
    SendingRate rate,
    SentFolderCopy sentFolder) {

  public boolean postponedAt(Instant now) {
    return postponedUntil != null && postponedUntil.isAfter(now);
  }

  /** Whether a message on its {@code attempt}-th attempt may be tried again after it. */
  public boolean mayRetryAfter(int attempt) {
    return attempt < retries + 1;
  }
}
