package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
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
import org.syncpost.api.boundary.rest.ApiContract;

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

  /**
   * The contract is served, open to anyone and over plain HTTP too, as the repository's document:
   * YAML as {@code application/yaml}, the same document as JSON, both valid to an independent
   * parser (Payara's own {@code /openapi} is not the contract, ADR 0022).
   */
  @Test
  void theServedContractIsTheRepositoryDocumentInYamlAndInJson() throws Exception {
    HttpResponse<String> yaml = fetch(server.healthUri().resolve("/api/v1/openapi.yaml"));
    HttpResponse<String> json = fetch(server.healthUri().resolve("/api/v1/openapi.json"));

    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
    assertThat(yaml.body()).isEqualTo(ApiContract.yaml());
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    SwaggerParseResult fromYaml = new OpenAPIV3Parser().readContents(yaml.body(), null, null);
    SwaggerParseResult fromJson = new OpenAPIV3Parser().readContents(json.body(), null, null);
    assertThat(fromYaml.getMessages()).isEmpty();
    assertThat(fromJson.getMessages()).isEmpty();
    assertThat(fromJson.getOpenAPI()).isEqualTo(fromYaml.getOpenAPI());
  }

  private HttpResponse<String> fetch(URI uri) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
