package org.syncpost.system;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.syncpost.testing.database.PrivatePostgres;

/**
 * Hands every test class the same running SyncPost (booting costs 20–60 s), started on first use
 * and stopped when the test run ends. Tests on it create uniquely named records and restore any
 * organisation setting they change; a test that must restart the server starts its own.
 *
 * <p>With {@code -Dsyncpost.test.database=postgresql} the shared SyncPost runs on a private
 * PostgreSQL 15 started for the test run (as operators run it, through {@code SYNCPOST_DB_URL}), so
 * that the same system tests prove the engines on PostgreSQL.
 */
public final class SharedSyncPost implements ParameterResolver {

  /**
   * The lock ({@link org.junit.jupiter.api.parallel.ResourceLock}) of the shared SyncPost's record
   * totals: taken by the classes that compare totals before and after (nothing stored by a refused
   * request) and by the {@link BesideTheOthers} classes that create records on the shared SyncPost,
   * so that those never run while totals are compared.
   */
  public static final String RECORD_TOTALS = "SharedSyncPost record totals";

  /** The system property that chooses the database of the shared SyncPost. */
  public static final String DATABASE = "syncpost.test.database";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SyncPostServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(SharedSyncPost.class))
        .getOrComputeIfAbsent("server", key -> Running.start(), Running.class)
        .server();
  }

  /** Closed by JUnit when the root context ends. */
  private record Running(SyncPostServer server, PrivatePostgres postgres)
      implements ExtensionContext.Store.CloseableResource {

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
