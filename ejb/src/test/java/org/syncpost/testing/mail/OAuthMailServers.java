package org.syncpost.testing.mail;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Mail servers that take OAuth 2.0 tokens, for one test class: a real authorization server
 * (mock-oauth2-server) on loopback, the test CA, Dovecot whose {@code oauth2} passdb checks each
 * token by introspection against that server (IMAP, POP3) and, if asked for, Postfix signing in
 * through Dovecot's SASL (SMTP).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OAuthMailServers servers = OAuthMailServers.withDovecotAndPostfix("syncpost-test");
 * }</pre>
 *
 * Every address it gives names the host 127.0.0.1: mock-oauth2-server names a token's issuer by the
 * host it was asked at, and its introspection refuses a token of another issuer, so the token
 * endpoint, the sign-in page and the introspection Dovecot calls must agree on one.
 */
public final class OAuthMailServers implements BeforeAllCallback, AfterAllCallback {

  /** RFC 7662 §2.1: the mail server authenticates itself to the introspection endpoint. */
  private static final String INTROSPECTION_CLIENT = "dovecot";

  private static final String INTROSPECTION_SECRET = "introspection-secret";

  private final String issuer;
  private final boolean withPostfix;
  private final boolean withSignInPage;
  private StartedServers started;
  private Class<?> startedFor;
  private MockOAuth2Server authorizationServer;
  private TestCertificates certificates;
  private Dovecot dovecot;
  private Postfix postfix;

  private OAuthMailServers(String issuer, boolean withPostfix, boolean withSignInPage) {
    this.issuer = issuer;
    this.withPostfix = withPostfix;
    this.withSignInPage = withSignInPage;
  }

  /** An authorization server with issuer path {@code issuer}, the test CA and Dovecot. */
  public static OAuthMailServers withDovecot(String issuer) {
    return new OAuthMailServers(issuer, false, false);
  }

  /** As {@link #withDovecot}, and Postfix for sending. */
  public static OAuthMailServers withDovecotAndPostfix(String issuer) {
    return new OAuthMailServers(issuer, true, false);
  }

  /**
   * The same servers, but the authorization server shows a sign-in page where a person types who
   * they are, and rotates the refresh token on every refresh as Microsoft does: for the
   * authorization code grant.
   */
  public OAuthMailServers withSignInPage() {
    return new OAuthMailServers(issuer, withPostfix, true);
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (started != null) {
      return;
    }
    StartedServers servers = new StartedServers();
    try {
      authorizationServer =
          withSignInPage
              ? new MockOAuth2Server(new OAuth2Config(true, null, null, true))
              : new MockOAuth2Server();
      authorizationServer.start(InetAddress.getLoopbackAddress(), 0);
      MockOAuth2Server stopped = authorizationServer;
      servers.add((AutoCloseable) stopped::shutdown);
      String introspection =
          onLoopback(authorizationServer.url(issuer + "/introspect"))
              .newBuilder()
              .username(INTROSPECTION_CLIENT)
              .password(INTROSPECTION_SECRET)
              .build()
              .toString();
      certificates = servers.add(TestCertificates.create());
      dovecot = servers.add(Dovecot.startWithOAuth2(certificates, introspection));
      if (withPostfix) {
        postfix = servers.add(Postfix.start(dovecot, certificates));
      }
    } catch (RuntimeException e) {
      forget();
      throw servers.closeAfter(e);
    }
    started = servers;
    startedFor = context.getRequiredTestClass();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (started == null || !context.getRequiredTestClass().equals(startedFor)) {
      return;
    }
    try {
      started.close();
    } finally {
      forget();
    }
  }

  private void forget() {
    started = null;
    startedFor = null;
    authorizationServer = null;
    certificates = null;
    dovecot = null;
    postfix = null;
  }

  /** The authorization server, to enqueue a token callback or read the requests it took. */
  public MockOAuth2Server authorizationServer() {
    return running(authorizationServer);
  }

  /**
   * Makes the authorization server's next token one for {@code subject}, valid for an hour, that
   * Dovecot accepts: mock-oauth2-server's introspection passes the token's {@code token_type} claim
   * on and Dovecot takes only a Bearer one, so the claim is added here, as a real server's
   * introspection says it by itself (RFC 7662 §2.2).
   */
  public void issuesBearerTokenFor(String subject) {
    authorizationServer()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                issuer,
                subject,
                "JWT",
                List.of("mail"),
                Map.of("token_type", "Bearer"),
                Duration.ofHours(1).toSeconds()));
  }

  /** The issuer path the tokens carry (what a {@code DefaultOAuth2TokenCallback} names). */
  public String issuer() {
    return issuer;
  }

  /** The issuer's URL, as typed into a profile for OpenID Connect discovery. */
  public String issuerUrl() {
    return onLoopback(authorizationServer().issuerUrl(issuer)).toString();
  }

  public String tokenEndpoint() {
    return onLoopback(authorizationServer().tokenEndpointUrl(issuer)).toString();
  }

  public String authorizationEndpoint() {
    return onLoopback(authorizationServer().authorizationEndpointUrl(issuer)).toString();
  }

  public TestCertificates certificates() {
    return running(certificates);
  }

  public Dovecot dovecot() {
    return running(dovecot);
  }

  /** Postfix; only for {@link #withDovecotAndPostfix}. */
  public Postfix postfix() {
    if (!withPostfix) {
      throw new IllegalStateException(
          "these servers were made without Postfix: use OAuthMailServers.withDovecotAndPostfix()");
    }
    return running(postfix);
  }

  private static HttpUrl onLoopback(HttpUrl url) {
    return url.newBuilder().host("127.0.0.1").build();
  }

  private synchronized <T> T running(T server) {
    if (started == null) {
      throw new IllegalStateException(
          "the OAuth mail servers are not running: register OAuthMailServers on a static field"
              + " with @RegisterExtension");
    }
    return server;
  }
}
