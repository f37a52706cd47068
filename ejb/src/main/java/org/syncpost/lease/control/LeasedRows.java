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

  /**
   * Extends the held leases of {@code count} rows that no other transaction holds now, in one
   * statement: ?1 until, then ?2 … the rows' ids, then each row's id and holder in pairs. A row
   * another transaction holds is passed by, not waited for ({@code FOR UPDATE SKIP LOCKED} in the
   * subquery, on H2 2 and PostgreSQL alike); the lock and the change are one statement, so they
   * hold together even where a transaction's first statement runs in auto-commit (ADR 0005).
   */
  String renewalOfFree(int count) {
    return "update "
        + table
        + " set "
        + untilColumn
        + " = ?1 where id in (select id from "
        + table
        + " where id in ("
        + parameters(2, count)
        + ") for update skip locked) and "
        + stillHeld(2 + count, count);
  }

  /**
   * The ids of those of {@code count} rows still held by their holders, read without a lock: ?1 …
   * each row's id and holder in pairs.
   */
  String stillHeld(int count) {
    return "select id from " + table + " where " + stillHeld(1, count);
  }

  /** Each row's id and holder in pairs from ?{@code first}, and {@link #whileHeld}. */
  private String stillHeld(int first, int count) {
    StringBuilder held = new StringBuilder("(");
    for (int i = 0; i < count; i++) {
      int id = first + 2 * i;
      held.append(i == 0 ? "" : " or ")
          .append("(id = ?")
          .append(id)
          .append(" and ")
          .append(holderColumn)
          .append(" = ?")
          .append(id + 1)
          .append(')');
    }
    return held.append(')').append(whileHeld == null ? "" : " and " + whileHeld).toString();
  }

  /** Gives a held lease back: ?1 row id, ?2 holder. */
  String release() {
    return cleared() + "id = ?1 and " + holderColumn + " = ?2";
  }

  /** Gives back every lease of a holder: ?1 holder. */
  String releaseAll() {
    return cleared() + holderColumn + " = ?1";
  }

  private static String parameters(int first, int count) {
    StringBuilder list = new StringBuilder();
    for (int i = first; i < first + count; i++) {
      list.append(i == first ? "?" : ", ?").append(i);
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
