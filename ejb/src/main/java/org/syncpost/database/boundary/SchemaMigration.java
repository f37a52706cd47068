package org.syncpost.database.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to this version before anything else touches it. Flyway's history
 * table makes this safe on every start and on every node: a node that finds the schema current does
 * nothing, and concurrent nodes are serialised by Flyway's lock.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  private static final System.Logger LOGGER = System.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  private volatile String schemaVersion = "none";

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(Map.of("binary", binaryType()))
            .load();
    MigrateResult result = flyway.migrate();
    schemaVersion =
        flyway.info().current() == null
            ? "none"
            : flyway.info().current().getVersion().getVersion();
    LOGGER.log(
        System.Logger.Level.INFO,
        "Database schema at version {0} ({1} migration(s) applied now)",
        schemaVersion,
        result.migrationsExecuted);
  }

  /**
   * The one column type the two databases spell differently: large binary content (attachments,
   * original messages). Migrations write {@code ${binary}}.
   */
  private String binaryType() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return product.toLowerCase(Locale.ROOT).contains("postgres")
          ? "BYTEA"
          : "BINARY LARGE OBJECT";
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate its schema", e);
    }
  }

  public String schemaVersion() {
    return schemaVersion;
  }
}
