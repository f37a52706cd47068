package org.syncpost.incoming.control;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Why a received message could not be stored, in words an administrator can act on. The reason is
 * kept on the quarantined message and shown over the API and in the admin UI, so it must not carry
 * the persistence provider's exception text: that names tables, columns and SQL and repeats the
 * sender's own header values. The full exception goes to the server log instead.
 */
public final class StorageRefusal {

  static final String PREFIX = "the message could not be stored: ";

  private static final System.Logger LOGGER = System.getLogger(StorageRefusal.class.getName());

  private StorageRefusal() {}

  /** The reason for {@code message}, which the database refused; the exception is logged. */
  public static String reasonFor(Fetched message, Throwable failed) {
    LOGGER.log(
        System.Logger.Level.WARNING, "Message " + message.key() + " could not be stored", failed);
    return reasonFor(failed);
  }

  static String reasonFor(Throwable failed) {
    SQLException refusal = sqlCauseOf(failed);
    if (refusal == null) {
      return PREFIX
          + "an unexpected error occurred while storing it (the server log has the details);"
          + " retry it from the quarantine once the cause is fixed";
    }
    return PREFIX + inWords(refusal.getSQLState());
  }

  private static String inWords(String sqlState) {
    String state = sqlState == null ? "" : sqlState;
    if (state.equals("22001")) {
      return "a value in it is longer than the database allows (SQL state 22001)";
    }
    if (state.equals("22021") || state.equals("22P05")) {
      return "it contains characters the database cannot store, such as U+0000 (SQL state "
          + state
          + ")";
    }
    if (state.startsWith("23")) {
      return "it conflicts with a record already stored (SQL state " + state + ")";
    }
    if (state.startsWith("08")) {
      return "the connection to the database failed (SQL state "
          + state
          + "); retry it from the quarantine when the database is reachable";
    }
    return "the database refused it"
        + (state.isEmpty() ? "" : " (SQL state " + state + ")")
        + "; the server log has the details";
  }

  private static SQLException sqlCauseOf(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
