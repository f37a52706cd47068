package org.syncpost.lease.control;

/**
 * Where one kind of lease lives: rows of {@code table} held by whoever {@code holderColumn} names
 * until {@code untilColumn}, for as long as {@code whileHeld} (an SQL condition on the row, or
 * {@code null}) is true. The lease statements are written once, here, for every kind: the cycle
 * lease and the IDLE lease of a mailbox, the sending lease of an email record.
 *
 * <p>The names are constants of the code, never input: they are written into the statements.
 */
public record LeasedRows(String table, String holderColumn, String untilColumn, String whileHeld) {

  /** Takes a free or expired lease: ?1 holder, ?2 until, ?3 row id, ?4 now. */
  String claim() {
    return "update "
        + table
        + " set "
        + holderColumn
        + " = ?1, "
        + untilColumn
        + " = ?2 where id = ?3 and ("
        + holderColumn
        + " is null or "
        + untilColumn
        + " < ?4)";
  }

  /**
   * As {@link #claim()}, only while {@code condition} (SQL on the row, a constant of the code; ?4
   * is now) holds.
   */
  String claimWhile(String condition) {
    return claim() + " and (" + condition + ")";
  }

  /** As {@link #claim()}, and extends the lease its holder already holds. */
  String claimOrKeep() {
    return claim().replace(" is null or ", " is null or " + holderColumn + " = ?1 or ");
  }

  /** Extends a held lease: ?1 until, ?2 row id, ?3 holder. */
  String renewal() {
    return "update "
        + table
        + " set "
        + untilColumn
        + " = ?1 where id = ?2 and "
        + holderColumn
        + " = ?3"
        + (whileHeld == null ? "" : " and " + whileHeld);
  }

  /**
   * Locks those of the rows ?1 … ?{@code count} that no other transaction holds now, in id order,
   * and answers their ids; a row another transaction holds is passed by, not waited for ({@code
   * SKIP LOCKED}, on H2 2 and PostgreSQL alike).
   */
  String lockFree(int count) {
    return "select id from "
        + table
        + " where id in ("
        + parameters(count)
        + ") order by id for update skip locked";
  }

  /** The ids of the rows ?1 … ?{@code count} that exist, read without a lock. */
  String existing(int count) {
    return "select id from " + table + " where id in (" + parameters(count) + ")";
  }

  /** Gives a held lease back: ?1 row id, ?2 holder. */
  String release() {
    return cleared() + "id = ?1 and " + holderColumn + " = ?2";
  }

  /** Gives back every lease of a holder: ?1 holder. */
  String releaseAll() {
    return cleared() + holderColumn + " = ?1";
  }

  private static String parameters(int count) {
    StringBuilder list = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      list.append(i == 1 ? "?" : ", ?").append(i);
    }
    return list.toString();
  }

  private String cleared() {
    return "update "
        + table
        + " set "
        + holderColumn
        + " = null, "
        + untilColumn
        + " = null where ";
  }
}
