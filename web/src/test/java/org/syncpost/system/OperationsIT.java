package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSyncPost.class)
class OperationsIT {

  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

  private final SyncPostServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  OperationsIT(SyncPostServer server) {
    this.server = server;
  }

  private String get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void healthIsUpWithTheDatabaseCheckAndTheMigratedSchema() throws Exception {
    String health = get(server.healthUri());

    assertThat(health)
        .contains("\"status\":\"UP\"")
        .contains("\"name\":\"database\"")
        .contains("\"schemaVersion\":\"" + newestMigration() + "\"");
  }

  /** The highest Flyway version in the repository: what a fresh database is migrated to. */
  private static int newestMigration() throws IOException {
    Path migrations =
        Path.of(System.getProperty("syncpost.serverConfig"))
            .getParent()
            .resolve("ejb/src/main/resources/db/migration");
    try (Stream<Path> files = Files.list(migrations)) {
      return files
          .map(file -> file.getFileName().toString())
          .map(MIGRATION::matcher)
          .filter(Matcher::matches)
          .mapToInt(version -> Integer.parseInt(version.group(1)))
          .max()
          .orElseThrow();
    }
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() throws Exception {
    String openApi = get(server.healthUri().resolve("/openapi"));

    assertThat(openApi)
        .contains("/api/v1/profiles")
        .contains("/api/v1/mailboxes/bulk-edit")
        .contains("/api/v1/alerts/{id}/dismiss")
        .contains("/api/v1/jobs/{id}");
  }
}
