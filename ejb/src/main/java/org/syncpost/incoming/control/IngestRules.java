package org.syncpost.incoming.control;

import java.time.Instant;

/**
 * The organisation's and mailbox's rules for turning received messages into records.
 *
 * @param processFrom only mail received at or after it is taken (the later of the profile's
 *     "process email from" and the mailbox's "process email received after"), or {@code null}
 * @param trackingTokenPrefix the prefix of tracking tokens to correlate by, or {@code null}
 * @param correlate whether received mail is linked to conversations at all
 */
public record IngestRules(
    long maxAttachmentBytes,
    long maxMessageBytes,
    Instant processFrom,
    boolean correlate,
    String trackingTokenPrefix) {

  public boolean takes(Instant received) {
    return processFrom == null || received == null || !received.isBefore(processFrom);
  }
}
