package org.syncpost.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.syncpost.system.SyncPostServer;

/**
 * One running SyncPost for the browser tests only, apart from the server the API tests fill with
 * thousands of records: the pages are tested against the data an administrator starts with.
 */
public final class UiSyncPost implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SyncPostServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(UiSyncPost.class))
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
