package org.syncpost.monitoring.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the database says about the state of the work at one moment, for the gauges.
 *
 * @param readOn when it was read
 * @param incomingStates mailboxes per incoming state ({@link MailboxState})
 * @param outgoingStates mailboxes per outgoing state
 * @param pollLag how long the longest-waiting due mailbox has waited past its poll time (zero when
 *     none is overdue)
 * @param runningJobs background jobs queued or running
 * @param jobItems mailboxes of those jobs
 * @param jobItemsDone of those, the ones with a result
 */
public record Readings(
    Instant readOn,
    Map<MailboxState, Long> incomingStates,
    Map<MailboxState, Long> outgoingStates,
    Duration pollLag,
    long runningJobs,
    long jobItems,
    long jobItemsDone) {

  public Readings {
    incomingStates = Map.copyOf(incomingStates);
    outgoingStates = Map.copyOf(outgoingStates);
  }

  public long incoming(MailboxState state) {
    return incomingStates.getOrDefault(state, 0L);
  }

  public long outgoing(MailboxState state) {
    return outgoingStates.getOrDefault(state, 0L);
  }

  public boolean olderThan(Duration age, Instant now) {
    return readOn.plus(age).isBefore(now);
  }
}
