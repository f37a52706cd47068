package org.syncpost.benchmark;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.database.PrivatePostgres;

/**
 * A SyncPost of a benchmark's own, with the launcher environment it measures under (e.g. {@code
 * JAVA_OPTS}), started before the class and stopped after it:
 *
 * <pre>{@code @RegisterExtension static final OwnSyncPost syncPost = new OwnSyncPost(Map.of());}
 * </pre>
 *
 * <p>With {@code -Dbenchmark.database=postgresql} it runs on a private PostgreSQL 15 started for
 * the benchmark (as the system tests do with {@code -Dsyncpost.test.database=postgresql}), through
 * {@code SYNCPOST_DB_URL} as operators run it; else on the embedded H2 of the Quick start.
 */
final class OwnSyncPost implements BeforeAllCallback, AfterAllCallback {

  /** The system property that chooses the database. */
  static final String DATABASE = "benchmark.database";

  private final Map<String, String> environment;
  private SyncPostServer server;
  private PrivatePostgres postgres;

  OwnSyncPost(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  SyncPostServer server() {
    return server;
  }

  /** The database SyncPost stores in, as a benchmark prints it. */
  String database() {
    return postgres == null ? "H2" : "PostgreSQL 15";
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!"postgresql".equalsIgnoreCase(System.getProperty(DATABASE, "h2"))) {
      server = SyncPostServer.start(environment);
      return;
    }
    postgres = PrivatePostgres.start();
    Map<String, String> withDatabase = new HashMap<>(environment);
    withDatabase.put("SYNCPOST_DB_URL", postgres.jdbcUrl());
    withDatabase.put("SYNCPOST_DB_USER", PrivatePostgres.USER);
    withDatabase.put("SYNCPOST_DB_PASSWORD", PrivatePostgres.PASSWORD);
    try {
      server = SyncPostServer.start(withDatabase);
    } catch (RuntimeException | AssertionError failed) {
      postgres.close();
      postgres = null;
      throw failed;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
