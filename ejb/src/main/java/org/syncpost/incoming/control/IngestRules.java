package org.syncpost.incoming.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.syncpost.mailbox.entity.ActionAfterProcessing;

/**
 * The organisation's and mailbox's rules for turning received messages into records.
 *
 * @param processFrom only mail received at or after it is taken (the later of the profile's
 *     "process email from" and the mailbox's "process email received after"), or {@code null}
 * @param trackingTokenPrefix the prefix of tracking tokens to correlate by, or {@code null}
 * @param correlate whether received mail is linked to conversations at all
 * @param afterProcessing what is done on the server with a message once its record is stored
 * @param moveToFolder where {@code MOVE_TO} moves it, or {@code null}
 */
public record IngestRules(
    long maxAttachmentBytes,
    long maxMessageBytes,
    Instant processFrom,
    boolean correlate,
    String trackingTokenPrefix,
    ActionAfterProcessing afterProcessing,
    String moveToFolder) {

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
}
