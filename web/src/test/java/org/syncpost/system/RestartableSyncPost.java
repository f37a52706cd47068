package org.syncpost.system;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the test classes that stop or kill SyncPost and start it again, or that need its short
 * timings, one SyncPost of their own, apart from {@link SharedSyncPost}: started on first use,
 * started again for a class that finds it down, stopped when the test JVM's last class has run. A
 * boot costs 20–60 s; these classes each booted a server of their own before.
 *
 * <p>Its settings are those of all its classes together; each class creates its own records and
 * mail servers, and restores any organisation setting it changes.
 */
public final class RestartableSyncPost implements ParameterResolver {

  /** The JVM options, each named with the class that needs it and why. */
  static final String JAVA_OPTS =
      String.join(
          " ",
          // IncomingCrashIT: an import that takes many cycles, taken over soon after a kill
          "-Dsyncpost.incoming.max-messages-per-cycle=100",
          "-Dsyncpost.incoming.lease-seconds=15",
          // IncomingCrashIT and KeptConnectionsIT: a poll every second, not every ten
          "-Dsyncpost.incoming.tick-seconds=1",
          // OutgoingCrashIT: a killed node's SENDING emails go again soon
          "-Dsyncpost.outgoing.lease-seconds=15",
          // WebhookCrashIT: the held delivery waits for its answer until the kill
          "-Dsyncpost.webhook.lease-seconds=30",
          "-Dsyncpost.webhook.timeout-seconds=300");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SyncPostServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SyncPostServer server =
        store(context)
            .getOrComputeIfAbsent(
                "server",
                key -> new Running(SyncPostServer.start(Map.of("JAVA_OPTS", JAVA_OPTS))),
                Running.class)
            .server();
    if (!server.isRunning()) {
      // a class that failed between its kill and its restart left it down
      server.restart();
    }
    return server;
  }

  /**
   * Stops this test JVM's restartable SyncPost, if it has one, before the JVM ends: for the browser
   * classes, which run last ({@link org.syncpost.ui.UiSyncPost}). A class that needs it after that
   * starts it again.
   */
  public static void stopEarly(ExtensionContext context) {
    Running running = store(context).remove("server", Running.class);
    if (running != null) {
      running.close();
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(
        ExtensionContext.StoreScope.LAUNCHER_SESSION,
        ExtensionContext.Namespace.create(RestartableSyncPost.class));
  }

  /**
   * Closed by JUnit when the test JVM's launcher session ends (ADR 0033), or {@link #stopEarly}.
   */
  private record Running(SyncPostServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}
