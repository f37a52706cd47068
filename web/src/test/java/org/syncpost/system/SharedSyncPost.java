package org.syncpost.system;

import static java.util.Locale.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
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
 * <p>Where the configuration parameter {@code syncpost.test.database} is {@code postgresql} (set by
 * {@link EnginesOnPostgresqlIT} for its classes, or for every class with {@code
 * -Dsyncpost.test.database=postgresql}), the shared SyncPost runs on a private PostgreSQL 15
 * started for it (as operators run it, through {@code SYNCPOST_DB_URL}), so that the same system
 * tests prove the engines on PostgreSQL. A JVM keeps one shared SyncPost per database.
 */
public final class SharedSyncPost implements ParameterResolver {

  /**
   * The configuration parameter (or, as JUnit falls back to them, system property) that chooses the
   * database of the shared SyncPost.
   */
  public static final String DATABASE = "syncpost.test.database";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SyncPostServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String database = context.getConfigurationParameter(DATABASE).orElse("h2").toLowerCase(ROOT);
    return store(context)
        .getOrComputeIfAbsent(database, key -> Running.start(database), Running.class)
        .server();
  }

  /**
   * Stops this test JVM's shared SyncPosts, on either database, before the JVM ends: for the
   * browser classes, which run last ({@link org.syncpost.ui.UiSyncPost}). A class that needs one
   * after that starts it again.
   */
  public static void stopEarly(ExtensionContext context) {
    for (String database : List.of("h2", "postgresql")) {
      Running running = store(context).remove(database, Running.class);
      if (running != null) {
        running.close();
      }
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(
        ExtensionContext.StoreScope.LAUNCHER_SESSION,
        ExtensionContext.Namespace.create(SharedSyncPost.class));
  }

  /**
   * Closed by JUnit when the test JVM's launcher session ends (ADR 0033), or {@link #stopEarly}.
   */
  private record Running(SyncPostServer server, PrivatePostgres postgres) implements AutoCloseable {

    static Running start(String database) {
      if (!database.equals("postgresql")) {
        return new Running(SyncPostServer.start(), null);
      }
      PrivatePostgres postgres = PrivatePostgres.start();
      try {
        SyncPostServer server =
            SyncPostServer.start(
                Map.of(
                    "SYNCPOST_DB_URL", postgres.jdbcUrl(),
                    "SYNCPOST_DB_USER", PrivatePostgres.USER,
                    "SYNCPOST_DB_PASSWORD", PrivatePostgres.PASSWORD));
        // the tests on it prove something about PostgreSQL only if it really runs on PostgreSQL
        try {
          assertThat(health(server)).contains("PostgreSQL");
        } catch (AssertionError | IOException notThere) {
          server.close();
          throw new AssertionError("the shared SyncPost does not run on PostgreSQL", notThere);
        }
        return new Running(server, postgres);
      } catch (RuntimeException | AssertionError failed) {
        postgres.close();
        throw failed;
      }
    }

    private static String health(SyncPostServer server) throws IOException {
      try {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(server.healthUri()).build(), BodyHandlers.ofString())
            .body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + server.healthUri(), e);
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
