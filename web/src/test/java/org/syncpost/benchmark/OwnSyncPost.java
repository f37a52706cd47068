package org.syncpost.benchmark;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.syncpost.system.SyncPostServer;

/**
 * A SyncPost of a benchmark's own, with the launcher environment it measures under (e.g. {@code
 * JAVA_OPTS}), started before the class and stopped after it:
 *
 * <pre>{@code @RegisterExtension static final OwnSyncPost syncPost = new OwnSyncPost(Map.of());}
 * </pre>
 */
final class OwnSyncPost implements BeforeAllCallback, AfterAllCallback {

  private final Map<String, String> environment;
  private SyncPostServer server;

  OwnSyncPost(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  SyncPostServer server() {
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = SyncPostServer.start(environment);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }
}
