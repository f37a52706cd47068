package org.syncpost.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.syncpost.system.SyncPostServer;

/**
 * One running SyncPost for the browser tests only, apart from the server the API tests fill with
 * thousands of records: the pages are tested against the data an administrator starts with. One per
 * test JVM, like {@link org.syncpost.system.SharedSyncPost}.
 */
public final class UiSyncPost implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SyncPostServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(
            ExtensionContext.StoreScope.LAUNCHER_SESSION,
            ExtensionContext.Namespace.create(UiSyncPost.class))
        .getOrComputeIfAbsent("server", key -> new Running(SyncPostServer.start()), Running.class)
        .server();
  }

  /** Closed by JUnit when the test JVM's launcher session ends (ADR 0033). */
  private record Running(SyncPostServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}
