package org.syncpost.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.syncpost.system.RestartableSyncPost;
import org.syncpost.system.SharedSyncPost;
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
    ExtensionContext.Store store =
        context.getStore(
            ExtensionContext.StoreScope.LAUNCHER_SESSION,
            ExtensionContext.Namespace.create(UiSyncPost.class));
    if (store.get("server") == null) {
      // The browser classes run last in their test JVM (alphabetical order, ADR 0033:
      // org.syncpost.ui after system and testing), so the JVM's other servers stop first: idle,
      // they would still poll their leftover mailboxes while the browsers, the busiest part of
      // the suite, need both cores. A class that needs one later starts it again.
      SharedSyncPost.stopEarly(context);
      RestartableSyncPost.stopEarly(context);
    }
    return store
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
