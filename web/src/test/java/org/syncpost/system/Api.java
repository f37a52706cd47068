package org.syncpost.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.syncpost.testing.mail.AcceptingAnyCertificate;

/**
 * A caller of the REST API: one user, one base address (HTTPS or plain HTTP). Every answer is held
 * to the API's contract ({@link ContractCheck}): one that breaks it fails the calling test.
 */
public final class Api {

  private final URI base;
  private final String authorization;
  private final HttpClient client;

  Api(URI base, String user, String password) {
    this.base = base;
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.client =
        HttpClient.newBuilder()
            .sslContext(trustingSelfSigned())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  /** The body of a GET as bytes, e.g. an attachment's content; the status must be 200. */
  public byte[] download(String path) {
    try {
      HttpRequest request = request(path).GET().build();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      ContractCheck.check("GET", request.uri(), response.statusCode(), response.headers(), null);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST with extra headers, given as name, value, name, value… */
  public Reply post(String path, String json, String... headers) {
    return send(
        request(path)
            .headers(headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply patch(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A merge patch made conditional on the record's version ({@code ETag}) by {@code If-Match}. */
  public Reply patchIfMatch(String path, String json, String ifMatch) {
    return send(
        request(path)
            .header("Content-Type", "application/merge-patch+json")
            .header("If-Match", ifMatch)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.build();
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      ContractCheck.check(
          built.method(), built.uri(), response.statusCode(), response.headers(), response.body());
      return new Reply(response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The test server uses Payara's self-signed certificate; tests trust it, nothing else does. */
  static SSLContext trustingSelfSigned() {
    return AcceptingAnyCertificate.sslContext();
  }

  /** One HTTP answer. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(response.body()))) {
        return reader.read();
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
