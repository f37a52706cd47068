package org.syncpost.container;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Row locks as the database takes and shows them, for tests of two transactions that meet on the
 * same rows: a row held by a transaction of the test's own (as any short write of the product holds
 * it for a moment), how many sessions wait for a lock now, and the order in which an {@code UPDATE}
 * visits a set of rows. Plain JDBC on the default datasource, outside any container transaction; H2
 * and PostgreSQL each in their own words.
 */
@ApplicationScoped
public class RowLocks {

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  /** A row of a table locked by an open transaction, until closed (rolled back). */
  public final class Held implements AutoCloseable {

    private final Connection connection;

    private Held(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void close() throws SQLException {
      try (connection) {
        connection.rollback();
      }
    }
  }

  /**
   * Locks the row {@code id} of {@code table} (a constant of the test) until the lock is closed.
   */
  public Held lock(String table, long id) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement select =
          connection.prepareStatement("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")) {
        select.setLong(1, id);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            throw new IllegalArgumentException("No row " + id + " in " + table);
          }
        }
      }
      return new Held(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** How many sessions wait for a lock another holds, now. */
  public int waiting() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String count =
          onPostgresql(connection)
              ? "SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted"
              : "SELECT count(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
      try (ResultSet row = connection.createStatement().executeQuery(count)) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /**
   * The rows' ids in the order an {@code UPDATE} of them visits, and so locks, them: their place in
   * the table on PostgreSQL (a scan of the heap, however the rows are picked), their key on H2
   * (whose table is its primary key's tree).
   */
  public List<Long> inUpdateOrder(String table, List<Long> ids) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String order = onPostgresql(connection) ? "ctid" : "id";
      String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
      List<Long> ordered = new ArrayList<>();
      try (ResultSet rows =
          connection
              .createStatement()
              .executeQuery(
                  "SELECT id FROM " + table + " WHERE id IN (" + in + ") ORDER BY " + order)) {
        while (rows.next()) {
          ordered.add(rows.getLong(1));
        }
      }
      return ordered;
    }
  }

  private static boolean onPostgresql(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgres");
  }
}
