package org.syncpost.mailserver.control;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;

/**
 * Delegated OAuth 2.0 sign-in for one mailbox (issue 15, ADR 0023): the authorization request a
 * person is sent to (authorization code with PKCE, RFC 7636), the code's exchange for the mailbox's
 * refresh token, and access tokens by the refresh token grant (RFC 6749 §6), kept in memory until
 * {@link AccessTokens#RENEW_BEFORE} before they expire. Nothing here writes a token anywhere or
 * logs one; storing the refresh token is the caller's (the mailbox's ledger).
 */
@ApplicationScoped
public class DelegatedTokens {

  private static final System.Logger LOGGER = System.getLogger(DelegatedTokens.class.getName());

  /** Google's accounts server, which takes {@code access_type=offline} instead of the scope. */
  private static final String GOOGLE_ACCOUNTS = "accounts.google.com";

  /** RFC 6749 §6's usual way to ask for a refresh token (OpenID Connect Core §11). */
  static final String OFFLINE_ACCESS = "offline_access";

  /**
   * What the authorization server gave.
   *
   * @param accessToken the access token; never printed
   * @param expires when it expires
   * @param refreshToken a new refresh token (a rotated one), or {@code null} when it gave none and
   *     the one used stays valid
   */
  public record Granted(Secret accessToken, Instant expires, Secret refreshToken) {}

  private record Kept(Secret token, Instant expires) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  private Clock clock;

  @Inject
  public DelegatedTokens(Clock clock) {
    this.clock = clock;
  }

  /** For the CDI container's proxy. */
  protected DelegatedTokens() {}

  /**
   * Where to send the person who connects the mailbox: the authorization endpoint with the client,
   * the redirect URI, the scopes (with a refresh token asked for), the state and the PKCE challenge
   * (S256) of {@code verifier}.
   *
   * @param loginHint the mailbox's address, offered to the provider's sign-in page, or {@code null}
   */
  public URI authorizationRequest(
      OAuthClient client,
      URI authorizationEndpoint,
      URI redirectUri,
      State state,
      CodeVerifier verifier,
      String loginHint) {
    boolean google = GOOGLE_ACCOUNTS.equalsIgnoreCase(authorizationEndpoint.getHost());
    AuthorizationRequest.Builder request =
        new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(client.clientId()))
            .endpointURI(authorizationEndpoint)
            .redirectionURI(redirectUri)
            .scope(scopesFor(client.scopes(), google))
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            // a refresh token comes only with a consent given for it (Google); others ignore it
            // (RFC 6749 §3.1: unknown parameters are ignored)
            .customParameter("access_type", "offline")
            .customParameter("prompt", "consent");
    if (loginHint != null && !loginHint.isBlank()) {
      request.customParameter("login_hint", loginHint);
    }
    return request.build().toURI();
  }

  /**
   * The client's scopes and, except at Google (which refuses unknown scopes and asks for {@code
   * access_type=offline} instead), {@value #OFFLINE_ACCESS}: without it Microsoft and OpenID
   * Connect servers give no refresh token.
   */
  static Scope scopesFor(String scopes, boolean google) {
    Scope scope = scopes == null || scopes.isBlank() ? new Scope() : Scope.parse(scopes);
    if (!google && !scope.contains(OFFLINE_ACCESS)) {
      scope.add(OFFLINE_ACCESS);
    }
    return scope;
  }

  /**
   * Exchanges the code the person came back with for the mailbox's tokens (RFC 6749 §4.1.3 with the
   * PKCE verifier, RFC 7636 §4.5).
   *
   * @throws MailServerFailure {@code TOKEN_UNAVAILABLE} when the server refuses it or gives no
   *     refresh token
   */
  public Granted exchange(
      OAuthClient client,
      String code,
      URI redirectUri,
      CodeVerifier verifier,
      String mailboxKey,
      String server) {
    kept.remove(client.cacheKey(mailboxKey));
    Granted granted =
        request(
            client,
            new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier),
            server);
    if (granted.refreshToken() == null) {
      throw MailServerFailure.of(
          FailureCause.TOKEN_UNAVAILABLE,
          server,
          "the authorization server at "
              + client.tokenEndpoint()
              + " gave no refresh token: add "
              + OFFLINE_ACCESS
              + " (or what the provider names for it) to the profile's scopes",
          "token endpoint " + client.tokenEndpoint() + ", client " + client.clientId());
    }
    kept.put(client.cacheKey(mailboxKey), new Kept(granted.accessToken(), granted.expires()));
    return granted;
  }

  /** The access token kept for {@code mailboxKey}, while it is not about to expire. */
  public Optional<Secret> kept(OAuthClient client, String mailboxKey) {
    Kept token = kept.get(client.cacheKey(mailboxKey));
    if (token == null
        || !clock.instant().isBefore(token.expires().minus(AccessTokens.RENEW_BEFORE))) {
      return Optional.empty();
    }
    return Optional.of(token.token());
  }

  /**
   * A new access token by the mailbox's refresh token, kept for {@code mailboxKey}. The caller
   * stores a rotated refresh token ({@link Granted#refreshToken}) before anything else: the old one
   * may already be void.
   *
   * @throws MailServerFailure {@code CONNECT_AGAIN} when the server refuses the refresh token
   *     ({@code invalid_grant}), {@code TOKEN_UNAVAILABLE} for any other failure
   */
  public Granted refresh(
      OAuthClient client, Secret refreshToken, String mailboxKey, String server) {
    Granted granted =
        request(client, new RefreshTokenGrant(new RefreshToken(refreshToken.reveal())), server);
    kept.put(client.cacheKey(mailboxKey), new Kept(granted.accessToken(), granted.expires()));
    LOGGER.log(
        System.Logger.Level.DEBUG,
        "OAuth access token refreshed by {0} for client {1}, {2}, valid until {3}{4}",
        client.tokenEndpoint(),
        client.clientId(),
        mailboxKey,
        granted.expires(),
        granted.refreshToken() == null ? "" : ", refresh token rotated");
    return granted;
  }

  /** Forgets {@code token} wherever it is kept, because a mail server refused it. */
  public void refused(Secret token) {
    kept.values().removeIf(k -> k.token().sameAs(token));
  }

  /** Forgets the access token kept for {@code mailboxKey}: the mailbox was connected anew. */
  public void forget(OAuthClient client, String mailboxKey) {
    kept.remove(client.cacheKey(mailboxKey));
  }

  private Granted request(OAuthClient client, AuthorizationGrant grant, String server) {
    TokenResponse response = AccessTokens.ask(tokenRequest(client, grant), client, server);
    if (!response.indicatesSuccess()) {
      ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
      if (OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode())
          && grant instanceof RefreshTokenGrant) {
        throw MailServerFailure.of(
            FailureCause.CONNECT_AGAIN,
            server,
            "the authorization server at "
                + client.tokenEndpoint()
                + " refused the mailbox's refresh token (invalid_grant: consent withdrawn,"
                + " password changed, or the token expired)",
            "token endpoint " + client.tokenEndpoint() + ", client " + client.clientId());
      }
      throw MailServerFailure.of(
          FailureCause.TOKEN_UNAVAILABLE,
          server,
          AccessTokens.refusal(error, client),
          "token endpoint " + client.tokenEndpoint() + ", client " + client.clientId());
    }
    com.nimbusds.oauth2.sdk.token.Tokens tokens = ((AccessTokenResponse) response).getTokens();
    AccessToken token = tokens.getAccessToken();
    Duration lifetime =
        token.getLifetime() > 0
            ? Duration.ofSeconds(token.getLifetime())
            : AccessTokens.UNSTATED_LIFETIME;
    RefreshToken refresh = tokens.getRefreshToken();
    return new Granted(
        Secret.of(token.getValue()),
        clock.instant().plus(lifetime),
        refresh == null ? null : Secret.of(refresh.getValue()));
  }

  /**
   * A confidential client authenticates by its secret; a public one names itself (RFC 6749 §3.2.1).
   */
  private static TokenRequest tokenRequest(OAuthClient client, AuthorizationGrant grant) {
    ClientID clientId = new ClientID(client.clientId());
    if (client.clientSecret() != null) {
      return new TokenRequest(
          client.tokenEndpoint(),
          new ClientSecretBasic(
              clientId, new com.nimbusds.oauth2.sdk.auth.Secret(client.clientSecret().reveal())),
          grant,
          null);
    }
    return new TokenRequest(client.tokenEndpoint(), clientId, grant, null);
  }
}
