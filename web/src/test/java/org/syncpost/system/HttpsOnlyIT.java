package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * SyncPost's own credentials travel over HTTPS only, and its pages carry the headers that keep
 * browsers from leaking them.
 */
@ExtendWith(SharedSyncPost.class)
class HttpsOnlyIT {

  private final SyncPostServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .sslContext(Api.trustingSelfSigned())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  HttpsOnlyIT(SyncPostServer server) {
    this.server = server;
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void basicAuthenticationOverPlainHttpIsRefusedSayingToUseHttps() {
    Reply refused = server.http("admin", SyncPostServer.ADMIN_PASSWORD).get("settings");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().getString("detail"))
        .contains("HTTPS")
        .contains(server.httpsBase().resolve("api/v1/settings").toString());
  }

  @Test
  void theAdminUiOverPlainHttpRedirectsToTheSamePageOverHttps() throws Exception {
    HttpResponse<String> answer = get(server.httpBase().resolve("login.xhtml?from=%2Fadmin%2F"));

    assertThat(answer.statusCode() + " " + answer.headers().firstValue("Location").orElse(""))
        .isEqualTo("308 " + server.httpsBase().resolve("login.xhtml?from=%2Fadmin%2F"));
  }

  @Test
  void pagesOverHttpsCarryHstsContentSecurityPolicyAndNosniff() throws Exception {
    HttpResponse<String> page = get(server.httpsBase().resolve("login.xhtml"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            v -> assertThat(v).contains("default-src 'self'").contains("object-src 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void theSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
    HttpResponse<String> page = get(server.httpsBase().resolve("login.xhtml"));

    assertThat(page.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .singleElement()
        .satisfies(
            cookie ->
                assertThat(cookie.toLowerCase(java.util.Locale.ROOT))
                    .contains("secure")
                    .contains("httponly")
                    .contains("samesite=lax"));
  }
}
