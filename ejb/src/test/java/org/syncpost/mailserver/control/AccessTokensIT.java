package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.mailserver.entity.OAuthGrant;

/** The token client against a real authorization server (mock-oauth2-server) on loopback. */
@Timeout(60)
class AccessTokensIT {

  private static final String ISSUER = "syncpost-test";
  private static final String SERVER = "IMAP server mail.example.org:993";

  private final MockOAuth2Server authorizationServer = new MockOAuth2Server();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T05:00:00Z"));
  private final AccessTokens tokens = new AccessTokens(clock);
  private KeyPair key;

  @BeforeEach
  void start() throws Exception {
    authorizationServer.start(InetAddress.getLoopbackAddress(), 0);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
  }

  @AfterEach
  void stop() {
    authorizationServer.shutdown();
  }

  private URI tokenEndpoint() {
    return authorizationServer.tokenEndpointUrl(ISSUER).uri();
  }

  private Secret pem() {
    return Secret.of(
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
  }

  private OAuthClient clientSecret(String secret) {
    return new OAuthClient(
        OAuthGrant.CLIENT_SECRET,
        tokenEndpoint(),
        "syncpost-app",
        Secret.of(secret),
        null,
        null,
        "https://outlook.office365.com/.default");
  }

  private OAuthClient serviceAccount() {
    return new OAuthClient(
        OAuthGrant.JWT_BEARER,
        tokenEndpoint(),
        "syncpost@project.iam.example",
        null,
        pem(),
        "key-1",
        "https://mail.google.com/");
  }

  private RecordedRequest tokenRequest() throws InterruptedException {
    RecordedRequest request = authorizationServer.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request to the authorization server").isNotNull();
    return request;
  }

  /** mock-oauth2-server throws when no request came within the wait. */
  private void assertNoRequest() {
    assertThatThrownBy(() -> authorizationServer.takeRequest(200, TimeUnit.MILLISECONDS))
        .hasMessageContaining("no request found");
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new HashMap<>();
    for (String pair : request.getBody().readUtf8().split("&")) {
      String[] nameValue = pair.split("=", 2);
      form.put(
          nameValue[0],
          nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  @Test
  void clientCredentialsWithASecretAuthenticateTheClientByHttpBasic() throws Exception {
    Secret token = tokens.tokenFor(clientSecret("s3cret-value"), "anna@example.org", SERVER);

    RecordedRequest request = tokenRequest();
    assertThat(request.getHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("syncpost-app:s3cret-value".getBytes(StandardCharsets.UTF_8)));
    assertThat(form(request))
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "https://outlook.office365.com/.default");
    assertThat(SignedJWT.parse(token.reveal()).getJWTClaimsSet().getIssuer())
        .endsWith("/" + ISSUER);
  }

  @Test
  void clientCredentialsWithAPrivateKeySendAnAssertionSignedByThatKey() throws Exception {
    OAuthClient client =
        new OAuthClient(
            OAuthGrant.PRIVATE_KEY_JWT,
            tokenEndpoint(),
            "syncpost-app",
            null,
            pem(),
            "thumbprint-1",
            "https://outlook.office365.com/.default");

    tokens.tokenFor(client, "anna@example.org", SERVER);

    Map<String, String> form = form(tokenRequest());
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry(
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
    assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) key.getPublic()))).isTrue();
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("thumbprint-1");
    assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("syncpost-app");
    assertThat(assertion.getJWTClaimsSet().getAudience())
        .containsExactly(tokenEndpoint().toString());
  }

  @Test
  void theJwtBearerGrantGetsATokenForTheMailboxNamedAsSubject() throws Exception {
    Secret token = tokens.tokenFor(serviceAccount(), "bert@example.org", SERVER);

    Map<String, String> form = form(tokenRequest());
    assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
    assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) key.getPublic()))).isTrue();
    assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("bert@example.org");
    assertThat(assertion.getJWTClaimsSet().getStringClaim("scope"))
        .isEqualTo("https://mail.google.com/");
    assertThat(SignedJWT.parse(token.reveal()).getJWTClaimsSet().getSubject())
        .isEqualTo("bert@example.org");
  }

  @Test
  void aTokenIsKeptUntilShortlyBeforeItExpiresAndThenRenewed() throws Exception {
    OAuthClient client = serviceAccount();
    Secret first = tokens.tokenFor(client, "bert@example.org", SERVER);
    tokenRequest();

    clock.advance(Duration.ofMinutes(50));
    Secret kept = tokens.tokenFor(client, "bert@example.org", SERVER);
    assertNoRequest();

    // mock-oauth2-server's tokens live an hour: 2 minutes before that, a new one is asked for
    clock.advance(Duration.ofMinutes(8).plusSeconds(1));
    Secret renewed = tokens.tokenFor(client, "bert@example.org", SERVER);
    tokenRequest();

    assertThat(kept).isSameAs(first);
    assertThat(renewed).isNotSameAs(first);
    assertThat(tokens.lastIssued(client)).contains(clock.instant());
  }

  @Test
  void eachMailboxGetsItsOwnTokenByTheJwtBearerGrant() throws Exception {
    OAuthClient client = serviceAccount();
    Secret anna = tokens.tokenFor(client, "anna@example.org", SERVER);
    Secret bert = tokens.tokenFor(client, "bert@example.org", SERVER);

    assertThat(SignedJWT.parse(anna.reveal()).getJWTClaimsSet().getSubject())
        .isEqualTo("anna@example.org");
    assertThat(SignedJWT.parse(bert.reveal()).getJWTClaimsSet().getSubject())
        .isEqualTo("bert@example.org");
  }

  @Test
  void aRefusalBecomesTokenUnavailableInPlainWordsWithoutTheSecret() throws Exception {
    // mock-oauth2-server accepts every client; a refusal comes from a server answering as RFC
    // 6749 §5.2 says, here with Microsoft Entra's words for a wrong secret
    HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    refusing.createContext(
        "/token",
        exchange -> {
          byte[] body =
              ("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid"
                      + " client secret provided.\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    refusing.start();
    try {
      OAuthClient client =
          new OAuthClient(
              OAuthGrant.CLIENT_SECRET,
              URI.create("http://127.0.0.1:" + refusing.getAddress().getPort() + "/token"),
              "syncpost-app",
              Secret.of("wrong-s3cret"),
              null,
              null,
              null);

      MailServerFailure failure =
          catchThrowableOfType(
              MailServerFailure.class, () -> tokens.tokenFor(client, "anna@example.org", SERVER));

      assertThat(failure.failureCause()).isEqualTo(FailureCause.TOKEN_UNAVAILABLE);
      assertThat(failure.getMessage())
          .contains("invalid_client")
          .contains("does not know the client syncpost-app")
          .contains("AADSTS7000215");
      assertThat(failure.getMessage() + failure.technicalDetail()).doesNotContain("wrong-s3cret");
    } finally {
      refusing.stop(0);
    }
  }

  @Test
  void anUnreachableAuthorizationServerIsTokenUnavailable() {
    URI endpoint = tokenEndpoint();
    authorizationServer.shutdown();
    OAuthClient client =
        new OAuthClient(
            OAuthGrant.CLIENT_SECRET, endpoint, "syncpost-app", Secret.of("x"), null, null, null);

    MailServerFailure failure =
        catchThrowableOfType(
            MailServerFailure.class, () -> tokens.tokenFor(client, "anna@example.org", SERVER));

    assertThat(failure.failureCause()).isEqualTo(FailureCause.TOKEN_UNAVAILABLE);
    assertThat(failure.getMessage()).contains("could not be asked");
  }

  @Test
  void aClientWithoutItsKeyIsTokenUnavailableBeforeAnyRequest() throws Exception {
    OAuthClient client =
        new OAuthClient(
            OAuthGrant.JWT_BEARER, tokenEndpoint(), "sa@example", null, null, null, null);

    MailServerFailure failure =
        catchThrowableOfType(
            MailServerFailure.class, () -> tokens.tokenFor(client, "anna@example.org", SERVER));

    assertThat(failure.getMessage()).contains("has no private key");
    assertNoRequest();
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
