package org.syncpost.system;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.syncpost.testing.database.PrivatePostgres;

/**
 * Hands every test class of a test JVM the same running SyncPost (booting costs 20–60 s), started
 * on first use and stopped when the JVM's last class has run; each of Failsafe's test JVMs, which
 * run side by side, has its own (ADR 0033). Tests on it create uniquely named records and restore
 * any organisation setting they change; a test that must restart the server starts its own.
 *
 * <p>With {@code -Dsyncpost.test.database=postgresql} the shared SyncPost runs on a private
 * PostgreSQL 15 started for the test run (as operators run it, through {@code SYNCPOST_DB_URL}), so
 * that the same system tests prove the engines on PostgreSQL.
 */
public final class SharedSyncPost implements ParameterResolver {

  /** The system property that chooses the database of the shared SyncPost. */
  public static final String DATABASE = "syncpost.test.database";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SyncPostServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(
            ExtensionContext.StoreScope.LAUNCHER_SESSION,
            ExtensionContext.Namespace.create(SharedSyncPost.class))
        .getOrComputeIfAbsent("server", key -> Running.start(), Running.class)
        .server();
  }

  /** Closed by JUnit when the test JVM's launcher session ends (ADR 0033). */
  private record Running(SyncPostServer server, PrivatePostgres postgres) implements AutoCloseable {

    static Running start() {
      if (!"postgresql".equalsIgnoreCase(System.getProperty(DATABASE, "h2"))) {
        return new Running(SyncPostServer.start(), null);
      }
      PrivatePostgres postgres = PrivatePostgres.start();
      try {
        return new Running(
            SyncPostServer.start(
                Map.of(
                    "SYNCPOST_DB_URL", postgres.jdbcUrl(),
                    "SYNCPOST_DB_USER", PrivatePostgres.USER,
                    "SYNCPOST_DB_PASSWORD", PrivatePostgres.PASSWORD)),
            postgres);
      } catch (RuntimeException | AssertionError failed) {
        postgres.close();
        throw failed;
      }
    }

    @Override
    public void close() {
      try {
        server.close();
      } finally {
        if (postgres != null) {
          postgres.close();
        }
      }
    }
  }
}
