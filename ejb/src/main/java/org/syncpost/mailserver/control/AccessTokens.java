package org.syncpost.mailserver.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.assertions.jwt.JWTAssertionDetails;
import com.nimbusds.oauth2.sdk.assertions.jwt.JWTAssertionFactory;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;

/**
 * Gets OAuth 2.0 access tokens for signing in to mail servers by XOAUTH2, through the Nimbus OAuth
 * 2.0 SDK (ADR 0021): client credentials with a client secret or a private-key JWT, or the JWT
 * bearer grant for one mailbox. Tokens are kept in memory until {@link #RENEW_BEFORE} before they
 * expire, never written anywhere and never logged: only that a token was issued, for which client
 * and mailbox, and until when.
 */
@ApplicationScoped
public class AccessTokens {

  private static final System.Logger LOGGER = System.getLogger(AccessTokens.class.getName());

  /** A token this close to its expiry is renewed: a sign-in must not race the expiry. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

  /** Lifetime of a token whose response says none (RFC 6749 §5.1 makes expires_in optional). */
  static final Duration UNSTATED_LIFETIME = Duration.ofMinutes(5);

  /** How long an assertion we sign is valid: RFC 7523 asks for a short one. */
  static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  static final int TIMEOUT_MILLIS = 30_000;

  private record Issued(Secret token, Instant expires) {}

  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastIssued = new ConcurrentHashMap<>();

  private Clock clock;

  /** A delegated mailbox's tokens, kept apart (ADR 0023): a refused one is forgotten there too. */
  @Inject DelegatedTokens delegated;

  @Inject
  public AccessTokens(Clock clock) {
    this.clock = clock;
  }

  /** For the CDI container's proxy. */
  protected AccessTokens() {}

  /**
   * An access token with which {@code mailbox} may be opened: the one kept, or a new one.
   *
   * @param server the mail server the token is for, for the failure's words
   * @throws MailServerFailure {@code TOKEN_UNAVAILABLE} with the authorization server's answer
   */
  public Secret tokenFor(OAuthClient client, String mailbox, String server) {
    String key = client.cacheKey(mailbox);
    Issued kept = tokens.get(key);
    Instant now = clock.instant();
    if (kept != null && now.isBefore(kept.expires().minus(RENEW_BEFORE))) {
      return kept.token();
    }
    Issued issued = request(client, mailbox, server, now);
    tokens.put(key, issued);
    lastIssued.put(client.cacheKey(null), now);
    LOGGER.log(
        System.Logger.Level.DEBUG,
        "OAuth access token issued by {0} for client {1}, mailbox {2}, valid until {3}",
        client.tokenEndpoint(),
        client.clientId(),
        mailbox,
        issued.expires());
    return issued.token();
  }

  /** Forgets the token kept for {@code mailbox}, e.g. after a mail server refused it. */
  public void forget(OAuthClient client, String mailbox) {
    tokens.remove(client.cacheKey(mailbox));
  }

  /**
   * Forgets {@code token} wherever it is kept, because a mail server refused it (revoked, or its
   * grant withdrawn before it expired): the next sign-in asks for a new one. Compared in constant
   * time, as any secret is.
   */
  public void refused(Secret token) {
    if (token == null) {
      return;
    }
    tokens.values().removeIf(kept -> kept.token().sameAs(token));
    if (delegated != null) {
      delegated.refused(token);
    }
  }

  /** When this server last got a token for {@code client}, if it did since it started. */
  public Optional<Instant> lastIssued(OAuthClient client) {
    return Optional.ofNullable(lastIssued.get(client.cacheKey(null)));
  }

  private Issued request(OAuthClient client, String mailbox, String server, Instant now) {
    String missing = client.missing();
    if (missing != null) {
      throw MailServerFailure.of(
          FailureCause.TOKEN_UNAVAILABLE, server, missing, "OAuth client " + client);
    }
    TokenRequest request;
    try {
      request = tokenRequest(client, mailbox, now);
    } catch (JOSEException | GeneralSecurityException e) {
      throw notAsked(client, server, e);
    }
    TokenResponse response = ask(request, client, server);
    if (!response.indicatesSuccess()) {
      throw MailServerFailure.of(
          FailureCause.TOKEN_UNAVAILABLE,
          server,
          refusal(((TokenErrorResponse) response).getErrorObject(), client),
          "token endpoint " + client.tokenEndpoint() + ", client " + client.clientId());
    }
    AccessToken token = ((AccessTokenResponse) response).getTokens().getAccessToken();
    Duration lifetime =
        token.getLifetime() > 0 ? Duration.ofSeconds(token.getLifetime()) : UNSTATED_LIFETIME;
    return new Issued(Secret.of(token.getValue()), now.plus(lifetime));
  }

  /**
   * The token endpoint's answer to {@code request} (app-only and delegated alike), within {@link
   * #TIMEOUT_MILLIS}; an endpoint that cannot be asked or answers nonsense is {@code
   * TOKEN_UNAVAILABLE}.
   */
  static TokenResponse ask(TokenRequest request, OAuthClient client, String server) {
    try {
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout(TIMEOUT_MILLIS);
      http.setReadTimeout(TIMEOUT_MILLIS);
      return TokenResponse.parse(http.send());
    } catch (IOException | ParseException e) {
      throw notAsked(client, server, e);
    }
  }

  private static MailServerFailure notAsked(OAuthClient client, String server, Exception e) {
    return MailServerFailure.of(
        FailureCause.TOKEN_UNAVAILABLE,
        server,
        "the authorization server at "
            + client.tokenEndpoint()
            + " could not be asked ("
            + e.getClass().getSimpleName()
            + ")",
        e,
        null,
        client.clientSecret());
  }

  private TokenRequest tokenRequest(OAuthClient client, String mailbox, Instant now)
      throws JOSEException, GeneralSecurityException {
    Scope scope = client.scopes() == null ? null : Scope.parse(client.scopes());
    ClientID clientId = new ClientID(client.clientId());
    return switch (client.grant()) {
      case CLIENT_SECRET ->
          new TokenRequest(
              client.tokenEndpoint(),
              new ClientSecretBasic(
                  clientId,
                  new com.nimbusds.oauth2.sdk.auth.Secret(client.clientSecret().reveal())),
              new ClientCredentialsGrant(),
              scope);
      case PRIVATE_KEY_JWT ->
          new TokenRequest(
              client.tokenEndpoint(),
              privateKeyJwt(client, clientId, now),
              new ClientCredentialsGrant(),
              scope);
      case JWT_BEARER -> {
        // RFC 7523 §3.1: the assertion is the authentication; no client authentication besides
        AuthorizationGrant grant = new JWTBearerGrant(assertionFor(client, mailbox, now));
        yield new TokenRequest.Builder(client.tokenEndpoint(), grant).scope(scope).build();
      }
      case AUTHORIZATION_CODE ->
          // a delegated mailbox's tokens come from its refresh token (DelegatedTokens)
          throw new IllegalArgumentException(
              "a delegated client gets tokens through the mailbox's refresh token: " + client);
    };
  }

  /** RFC 7523 §2.2: the client proves itself with a JWT signed by its key. */
  private ClientAuthentication privateKeyJwt(OAuthClient client, ClientID clientId, Instant now)
      throws JOSEException, GeneralSecurityException {
    JWTAssertionDetails details =
        new JWTAssertionDetails(
            new Issuer(clientId),
            new Subject(clientId.getValue()),
            List.of(new Audience(client.tokenEndpoint().toString())),
            Date.from(now.plus(ASSERTION_LIFETIME)),
            Date.from(now),
            Date.from(now),
            new JWTID(),
            null);
    return new PrivateKeyJWT(signed(details, client));
  }

  /**
   * RFC 7523 §2.1 and §3: issued by the client (service account), for the mailbox ({@code sub}), to
   * the token endpoint; the scopes also as a {@code scope} claim, which Google requires.
   */
  private SignedJWT assertionFor(OAuthClient client, String mailbox, Instant now)
      throws JOSEException, GeneralSecurityException {
    JWTAssertionDetails details =
        new JWTAssertionDetails(
            new Issuer(client.clientId()),
            new Subject(mailbox),
            List.of(new Audience(client.tokenEndpoint().toString())),
            Date.from(now.plus(ASSERTION_LIFETIME)),
            Date.from(now),
            Date.from(now),
            new JWTID(),
            client.scopes() == null ? null : Map.of("scope", client.scopes()));
    return signed(details, client);
  }

  private static SignedJWT signed(JWTAssertionDetails details, OAuthClient client)
      throws JOSEException, GeneralSecurityException {
    return JWTAssertionFactory.create(
        details, JWSAlgorithm.RS256, rsaKey(client.privateKeyPem()), client.keyId(), null);
  }

  /** A PKCS#8 RSA key as PEM ({@code -----BEGIN PRIVATE KEY-----}), as providers hand them out. */
  static RSAPrivateKey rsaKey(Secret pem) throws GeneralSecurityException {
    String body =
        pem.reveal()
            .replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException notBase64) {
      throw new GeneralSecurityException("the private key is not PEM (PKCS#8, Base64)");
    }
    return (RSAPrivateKey)
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /** RFC 6749 §5.2's error, in words: what the authorization server said and what it means. */
  static String refusal(ErrorObject error, OAuthClient client) {
    String code = error.getCode() == null ? "no error code" : error.getCode();
    String meaning =
        switch (code) {
          case "invalid_client" ->
              "it does not know the client " + client.clientId() + " or its secret or key";
          case "unauthorized_client" ->
              "the client "
                  + client.clientId()
                  + " may not use this grant (or act for the mailbox)";
          case "invalid_scope" -> "it does not grant the scopes " + client.scopes();
          case "invalid_grant" ->
              "it refused the signed assertion or the mailbox it names (expired, wrong audience,"
                  + " or no delegation for the mailbox)";
          case "unsupported_grant_type" -> "it does not support this grant";
          default -> "it refused the request";
        };
    String description = error.getDescription();
    return "the authorization server at "
        + client.tokenEndpoint()
        + " answered "
        + code
        + ": "
        + meaning
        + (description == null || description.isBlank()
            ? ""
            : " (\"" + description.strip() + "\")");
  }
}
