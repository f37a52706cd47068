package org.syncpost.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class the same running SyncPost (booting costs 20–60 s), started on first use
 * and stopped when the test run ends. Tests on it create uniquely named records and restore any
 * organisation setting they change; a test that must restart the server starts its own.
 */
public final class SharedSyncPost implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SyncPostServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(SharedSyncPost.class))
        .getOrComputeIfAbsent("server", key -> new Running(SyncPostServer.start()), Running.class)
        .server();
  }

  /** Closed by JUnit when the root context ends. */
  private record Running(SyncPostServer server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
