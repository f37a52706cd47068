package org.syncpost.json;

import jakarta.json.spi.JsonProvider;

/** The one JSON-P provider that SyncPost builds, reads and parses JSON with. */
public final class JsonProviders {

  /**
   * Looked up once: every static method of {@code jakarta.json.Json} asks the ServiceLoader for the
   * provider anew, which scans the application's jars on each call. It cost a tenth of ingestion's
   * CPU while events were built that way, and ≈ 13 % of the HTTP threads' samples while the REST
   * layer answered with it (issue 19).
   */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonProviders() {}
}
