package org.syncpost.incoming.control;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.syncpost.mailbox.entity.ActionAfterProcessing;
import org.syncpost.settings.entity.IncomingFilter;

/**
 * The organisation's and mailbox's rules for turning received messages into records.
 *
 * @param processFrom only mail received at or after it is taken (the later of the profile's
 *     "process email from" and the mailbox's "process email received after"), or {@code null}
 * @param trackingTokenPrefix the prefix of tracking tokens to correlate by, or {@code null}
 * @param correlate whether received mail is linked to conversations at all
 * @param afterProcessing what is done on the server with a message once its record is stored
 * @param moveToFolder where {@code MOVE_TO} moves it, or {@code null}
 * @param filter which received messages become records (the user's or queue's own method, else the
 *     organisation's)
 */
public record IngestRules(
    long maxAttachmentBytes,
    long maxMessageBytes,
    Instant processFrom,
    boolean correlate,
    String trackingTokenPrefix,
    ActionAfterProcessing afterProcessing,
    String moveToFolder,
    IncomingFilter filter) {

  public IngestRules {
    filter = filter == null ? IncomingFilter.ALL_EMAIL : filter;
  }

  /**
   * Whether mail received at {@code received} is taken. Servers give the time of receipt in whole
   * seconds (IMAP INTERNALDATE, the Date of POP3's Received header), so mail received in the same
   * second as the process-from instant is taken, not lost to the fraction of that second.
   */
  public boolean takes(Instant received) {
    return processFrom == null
        || received == null
        || !received.isBefore(processFrom.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Before it, a Date header is a device's unset clock or a misdated import, not a date. */
  static final Instant EARLIEST_PLAUSIBLE_DATE = Instant.parse("1990-01-01T00:00:00Z");

  /** How far in the future a Date header may be (clocks run fast) before it is absurd. */
  static final Duration LATEST_PLAUSIBLE_AHEAD = Duration.ofDays(1);

  /**
   * Whether a POP3 message dated {@code dated} (its Date header, or {@code null}) is taken. POP3
   * keeps no time of arrival, so only on the mailbox's first POP3 cycle is the Date header the best
   * guess for the process-from rule, and even then a missing, unparseable or absurd date (before
   * 1990, or more than a day ahead of {@code now}) takes the message; after the first cycle every
   * new UIDL arrived since, whatever its Date says (issue 13: POP3 dropped mail silently).
   */
  public boolean takesPop3(Instant dated, boolean firstCycle, Instant now) {
    if (!firstCycle || !isPlausible(dated, now)) {
      return true;
    }
    return takes(dated);
  }

  static boolean isPlausible(Instant dated, Instant now) {
    return dated != null
        && !dated.isBefore(EARLIEST_PLAUSIBLE_DATE)
        && !dated.isAfter(now.plus(LATEST_PLAUSIBLE_AHEAD));
  }
}
