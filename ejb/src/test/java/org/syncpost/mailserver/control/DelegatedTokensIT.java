package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.control.AccessTokensIT.MovableClock;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.testing.oauth.RevocableConsent;

/**
 * Delegated sign-in's token work against a real authorization server (mock-oauth2-server, which
 * rotates refresh tokens here as Microsoft's and many others do): the authorization request with
 * PKCE, the code's exchange, refreshing, and a refused refresh token.
 */
@Timeout(60)
class DelegatedTokensIT {

  private static final String ISSUER = "syncpost-test";
  private static final String SERVER = "IMAP server mail.example.org:993";
  private static final String MAILBOX = "mailbox 7";
  private static final URI CALLBACK = URI.create("https://syncpost.example.org/oauth/callback");

  /** Rotating refresh tokens. */
  private final MockOAuth2Server authorizationServer =
      new MockOAuth2Server(new OAuth2Config(false, null, null, true));

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T05:00:00Z"));
  private final DelegatedTokens tokens = new DelegatedTokens(clock);
  private final RevocableConsent consent =
      new RevocableConsent(ISSUER, "owner@example.org", Duration.ofHours(1));
  private OAuthClient client;

  @BeforeEach
  void start() {
    authorizationServer.start(InetAddress.getLoopbackAddress(), 0);
    client =
        new OAuthClient(
            OAuthGrant.AUTHORIZATION_CODE,
            authorizationServer.tokenEndpointUrl(ISSUER).uri(),
            "syncpost-web",
            Secret.of("client-secret-value"),
            null,
            null,
            // mock-oauth2-server answers only OpenID Connect sign-ins; Microsoft and Google do not
            // need openid for mail
            "openid mail");
  }

  @AfterEach
  void stop() {
    authorizationServer.shutdown();
  }

  /**
   * Signs in as a person would: the server shows its sign-in form (it does so for {@code
   * prompt=consent}), the form is sent with the user's name, and the code is read off the redirect
   * to SyncPost.
   */
  private Map<String, List<String>> signInAt(URI authorization) throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> answer =
        browser.send(
            HttpRequest.newBuilder(authorization).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() == 200 && answer.body().contains("name=\"username\"")) {
      answer =
          browser.send(
              HttpRequest.newBuilder(authorization)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("username=owner%40example.org"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo(CALLBACK.getPath());
    return URLUtils.parseParameters(back.getRawQuery());
  }

  private DelegatedTokens.Granted connect() throws Exception {
    authorizationServer.enqueueCallback(consent);
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    Map<String, List<String>> back =
        signInAt(
            tokens.authorizationRequest(
                client,
                authorizationServer.authorizationEndpointUrl(ISSUER).uri(),
                CALLBACK,
                state,
                verifier,
                "owner@example.org"));
    assertThat(back.get("state")).containsExactly(state.getValue());
    return tokens.exchange(client, back.get("code").get(0), CALLBACK, verifier, MAILBOX, SERVER);
  }

  @Test
  void theSignInAsksForACodeWithAnS256ChallengeAndARefreshToken() {
    CodeVerifier verifier = new CodeVerifier();
    URI authorization =
        tokens.authorizationRequest(
            client,
            authorizationServer.authorizationEndpointUrl(ISSUER).uri(),
            CALLBACK,
            new State("the-state"),
            verifier,
            "owner@example.org");

    Map<String, List<String>> asked = URLUtils.parseParameters(authorization.getRawQuery());
    assertThat(asked)
        .containsEntry("response_type", List.of("code"))
        .containsEntry("client_id", List.of("syncpost-web"))
        .containsEntry("redirect_uri", List.of(CALLBACK.toString()))
        .containsEntry("state", List.of("the-state"))
        .containsEntry("code_challenge_method", List.of("S256"))
        .containsEntry("scope", List.of("openid mail offline_access"))
        .containsEntry("login_hint", List.of("owner@example.org"));
    assertThat(asked.get("code_challenge").get(0)).isNotEqualTo(verifier.getValue());
    assertThat(authorization.toString()).doesNotContain(verifier.getValue());
  }

  @Test
  void googleIsAskedForOfflineAccessByItsOwnParameterNotByAScopeItRefuses() {
    assertThat(DelegatedTokens.scopesFor("https://mail.google.com/", true).toStringList())
        .containsExactly("https://mail.google.com/");
    assertThat(
            DelegatedTokens.scopesFor("https://outlook.office.com/IMAP.AccessAsUser.All", false)
                .toStringList())
        .containsExactly("https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access");
  }

  @Test
  void theCodeBecomesARefreshTokenAndAnAccessTokenKeptUntilShortlyBeforeItExpires()
      throws Exception {
    DelegatedTokens.Granted granted = connect();

    assertThat(granted.refreshToken()).isNotNull();
    assertThat(tokens.kept(client, MAILBOX)).contains(granted.accessToken());
    assertThat(tokens.kept(client, "mailbox 8")).isEmpty();

    clock.advance(Duration.between(clock.instant(), granted.expires()).minusMinutes(1));
    assertThat(tokens.kept(client, MAILBOX)).isEmpty();
  }

  @Test
  void anAccessTokenAMailServerRefusedIsNoLongerKept() throws Exception {
    DelegatedTokens.Granted granted = connect();
    AccessTokens accessTokens = new AccessTokens(clock);
    accessTokens.delegated = tokens;

    accessTokens.refused(Secret.of(granted.accessToken().reveal()));

    assertThat(tokens.kept(client, MAILBOX)).isEmpty();
  }

  @Test
  void aRefreshGivesANewAccessTokenAndTheRotatedRefreshTokenWhichWorksInTurn() throws Exception {
    DelegatedTokens.Granted connected = connect();

    DelegatedTokens.Granted first =
        tokens.refresh(client, connected.refreshToken(), MAILBOX, SERVER);
    DelegatedTokens.Granted second = tokens.refresh(client, first.refreshToken(), MAILBOX, SERVER);

    assertThat(first.accessToken().reveal()).isNotEqualTo(connected.accessToken().reveal());
    assertThat(first.refreshToken().reveal()).isNotEqualTo(connected.refreshToken().reveal());
    assertThat(second.refreshToken().reveal()).isNotEqualTo(first.refreshToken().reveal());
    assertThat(tokens.kept(client, MAILBOX)).contains(second.accessToken());
  }

  @Test
  void aRefusedRefreshTokenAsksForTheMailboxToBeConnectedAgainWithoutShowingTheToken()
      throws Exception {
    DelegatedTokens.Granted connected = connect();
    consent.revoke();

    MailServerFailure refused =
        catchThrowableOfType(
            MailServerFailure.class,
            () -> tokens.refresh(client, connected.refreshToken(), MAILBOX, SERVER));

    assertThat(refused.failureCause()).isEqualTo(FailureCause.CONNECT_AGAIN);
    assertThat(refused.isTransient()).isFalse();
    assertThat(refused.getMessage()).contains("refused the mailbox's refresh token");
    assertThat(refused.adviceToEnableAgain()).contains("Connect with").doesNotContain("test &");
    assertThat(refused.getMessage() + refused.technicalDetail())
        .doesNotContain(connected.refreshToken().reveal())
        .doesNotContain("client-secret-value");
  }

  @Test
  void aCodeExchangedWithAnotherVerifierGivesNoTokens() throws Exception {
    Map<String, List<String>> back =
        signInAt(
            tokens.authorizationRequest(
                client,
                authorizationServer.authorizationEndpointUrl(ISSUER).uri(),
                CALLBACK,
                new State(),
                new CodeVerifier(),
                null));

    MailServerFailure refused =
        catchThrowableOfType(
            MailServerFailure.class,
            () ->
                tokens.exchange(
                    client,
                    back.get("code").get(0),
                    CALLBACK,
                    new CodeVerifier(),
                    MAILBOX,
                    SERVER));

    assertThat(refused.failureCause()).isEqualTo(FailureCause.TOKEN_UNAVAILABLE);
    assertThat(tokens.kept(client, MAILBOX)).isEmpty();
  }
}
