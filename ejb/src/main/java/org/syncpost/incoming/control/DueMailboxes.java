package org.syncpost.incoming.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.syncpost.incoming.control.MailboxLeases.Upcoming;

/**
 * The mailboxes a node's scheduler polls next, in the order they fall due: read from the database
 * for a tick ahead and then taken from memory, instead of one query at every start of a cycle
 * (ScaleBenchmark, 300 mailboxes polled every minute: the scheduler's queries took a third of
 * SyncPost's CPU). Read again when used up, when the tick it was read for has passed, or when told
 * that the schedule changed ({@link #forget}). A mailbox taken from here is only a candidate: its
 * lease is claimed only while its poll is still due ({@link MailboxLeases#claimDueWithin}), so a
 * poll that another node or "sync now" ran meanwhile is not repeated. Not thread-safe: its
 * scheduler calls it under one lock.
 */
public final class DueMailboxes {

  /** Reads the mailboxes falling due by a horizon, at most a number of them. */
  @FunctionalInterface
  public interface Source {
    List<Upcoming> upcoming(Instant now, Instant horizon, int limit);
  }

  /** Read at once, at most: enough for several ticks of a busy node, little memory. */
  static final int BATCH = 256;

  private final Source source;
  private final Duration ahead;
  private final Deque<Upcoming> queue = new ArrayDeque<>();
  private Instant readUntil;

  public DueMailboxes(Source source, Duration ahead) {
    this.source = source;
    this.ahead = ahead;
  }

  /** At most {@code max} mailboxes whose poll is due at {@code now}, longest waiting first. */
  public List<Long> take(Instant now, int max) {
    if (queue.isEmpty() || readUntil == null || now.isAfter(readUntil)) {
      read(now);
    }
    List<Long> due = new ArrayList<>();
    while (due.size() < max && !queue.isEmpty() && queue.peekFirst().isDueBy(now)) {
      due.add(queue.pollFirst().mailboxId());
    }
    return due;
  }

  /** When the next mailbox read falls due, or {@code null} when none is known before the tick. */
  public Instant nextDue() {
    Upcoming next = queue.peekFirst();
    return next == null ? null : next.dueAt();
  }

  /** The schedule changed (a mailbox was woken, or is to go on at once): read it again. */
  public void forget() {
    queue.clear();
    readUntil = null;
  }

  private void read(Instant now) {
    queue.clear();
    readUntil = now.plus(ahead);
    queue.addAll(source.upcoming(now, readUntil, BATCH));
  }
}
