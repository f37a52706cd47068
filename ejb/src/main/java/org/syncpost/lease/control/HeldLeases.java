package org.syncpost.lease.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leases of one kind a node holds now (row id → holder), which its ticks renew until the work
 * on them ends. Kept in memory by the application-scoped bean that owns the kind; not a bean.
 */
public final class HeldLeases {

  private final LeasedRows rows;
  private final Map<Long, Object> held = new ConcurrentHashMap<>();

  public HeldLeases(LeasedRows rows) {
    this.rows = rows;
  }

  public void hold(long id, Object holder) {
    held.put(id, holder);
  }

  /** No longer held by {@code holder}; answers whether it was held until now. */
  public boolean letGo(long id, Object holder) {
    return held.remove(id, holder);
  }

  /**
   * Extends every lease held now to {@code until}, in one transaction; one that was lost meanwhile
   * (recorded already, expired and taken by another) is no longer held.
   */
  public void renew(LeaseLedger ledger, Instant until) {
    if (held.isEmpty()) {
      return;
    }
    Map<Long, Object> now = new LinkedHashMap<>(held);
    for (Long lost : ledger.renew(rows, now, until)) {
      held.remove(lost, now.get(lost));
    }
  }
}
