package org.syncpost.container;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Makes one chosen write of a transaction fail: a CHECK constraint that only the state this write
 * would leave in one row violates, added for one test and dropped after it. The failure comes from
 * the database in the middle of the transaction, as a real one would (a constraint, a lost
 * connection); the code under test knows nothing of it. Plain SQL that H2 and PostgreSQL both run.
 */
@Stateless
@PermitAll
public class InjectedFailures {

  /** A constraint added by {@link #forbid}; its name turns up in the failure it causes. */
  public record Forbidden(String table, String name) {}

  @PersistenceContext EntityManager em;

  /**
   * From now on, a write that leaves a row of {@code table} where {@code state} (an SQL condition
   * that no row meets now) holds fails.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Forbidden forbid(String table, String state) {
    String name = "tx_probe_" + UUID.randomUUID().toString().substring(0, 8);
    em.createNativeQuery(
            "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (NOT (" + state + "))")
        .executeUpdate();
    return new Forbidden(table, name);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void allow(Forbidden forbidden) {
    em.createNativeQuery(
            "ALTER TABLE " + forbidden.table() + " DROP CONSTRAINT " + forbidden.name())
        .executeUpdate();
  }

  /** The first column of the query's rows, as strings ({@code null} stays {@code null}). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> read(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    List<?> rows = query.getResultList();
    return rows.stream()
        .map(row -> row instanceof Object[] columns ? columns[0] : row)
        .map(value -> value == null ? null : value.toString().strip())
        .toList();
  }
}
