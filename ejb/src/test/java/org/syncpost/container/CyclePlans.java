package org.syncpost.container;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.syncpost.incoming.control.CyclePlan;

/** Plans of incoming cycles as {@code IncomingRecords.begin} makes them, for recording outcomes. */
public final class CyclePlans {

  private CyclePlans() {}

  /** The plan of a cycle of the mailbox that began at {@code startedAt}, polled every minute. */
  public static CyclePlan startedAt(long mailboxId, Instant startedAt) {
    return new CyclePlan(
        mailboxId,
        "planned",
        null,
        null,
        null,
        List.of("INBOX"),
        Map.of(),
        null,
        3,
        5,
        30,
        1,
        null,
        1,
        startedAt,
        false);
  }
}
