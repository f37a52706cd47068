package org.syncpost.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.syncpost.crypto.control.SecretConverter;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.AuthorizationServer;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.validation.entity.Violation;

/**
 * The OAuth 2.0 client a profile signs in with when its credential source is {@code OAUTH2} (issue
 * 15, app-only): how SyncPost gets access tokens for each mailbox of the profile. The client secret
 * and the private key are encrypted at rest (ADR 0003) and never leave SyncPost.
 *
 * <p>An {@code @Embeddable} class, not a record: JPA 3.1 cannot embed records.
 */
@Embeddable
public class OAuthSettings {

  /** Tokens go to these hosts over plain HTTP only: a test's or a local authorization server. */
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  public static final int MAX_PRIVATE_KEY_LENGTH = 8000;

  @Enumerated(EnumType.STRING)
  @Column(name = "oauth_grant", length = 20)
  private OAuthGrant grant;

  @Column(name = "oauth_token_endpoint", length = 2000)
  private String tokenEndpoint;

  @Column(name = "oauth_authorization_endpoint", length = 2000)
  private String authorizationEndpoint;

  @Column(name = "oauth_client_id", length = 320)
  private String clientId;

  @Convert(converter = SecretConverter.class)
  @Column(name = "oauth_client_secret", length = 2000)
  private Secret clientSecret;

  @Convert(converter = SecretConverter.class)
  @Column(name = "oauth_private_key", length = 12000)
  private Secret privateKey;

  @Column(name = "oauth_key_id", length = 200)
  private String keyId;

  @Column(name = "oauth_scopes", length = 1000)
  private String scopes;

  protected OAuthSettings() {}

  /**
   * What an administrator sets; a {@code null} secret or key keeps the stored one.
   *
   * @param grant how tokens are asked for
   * @param tokenEndpoint the authorization server's token endpoint (HTTPS)
   * @param authorizationEndpoint where a person would sign in (delegated access), or {@code null}
   * @param clientId the application (client) id, or the service account for the JWT bearer grant
   * @param clientSecret a new client secret, or {@code null} to keep the stored one
   * @param privateKey a new PKCS#8 RSA private key (PEM), or {@code null} to keep the stored one
   * @param keyId the key's id ({@code kid}) at the authorization server, or {@code null}
   * @param scopes space-separated scopes
   * @param issuer an OpenID Connect issuer whose discovery document gives the endpoints left empty,
   *     or {@code null}
   */
  public record Input(
      OAuthGrant grant,
      String tokenEndpoint,
      String authorizationEndpoint,
      String clientId,
      Secret clientSecret,
      Secret privateKey,
      String keyId,
      String scopes,
      String issuer) {

    /** Only the issuer needs a look-up: the endpoints it names fill those left empty. */
    public boolean needsDiscovery() {
      return !blank(issuer) && (blank(tokenEndpoint) || blank(authorizationEndpoint));
    }

    /** This input with the endpoints left empty taken from {@code server}. */
    public Input discovered(AuthorizationServer server) {
      return new Input(
          grant,
          blank(tokenEndpoint) ? server.tokenEndpoint().toString() : tokenEndpoint,
          blank(authorizationEndpoint) && server.authorizationEndpoint() != null
              ? server.authorizationEndpoint().toString()
              : authorizationEndpoint,
          clientId,
          clientSecret,
          privateKey,
          keyId,
          scopes,
          issuer);
    }
  }

  /**
   * {@code input} with what it leaves out ({@code null}) taken from these settings: a preset's
   * endpoints and scopes stay when only the client id and its secret are given.
   */
  private Input over(Input input) {
    return new Input(
        input.grant() != null ? input.grant() : grant,
        input.tokenEndpoint() != null ? input.tokenEndpoint() : tokenEndpoint,
        input.authorizationEndpoint() != null
            ? input.authorizationEndpoint()
            : authorizationEndpoint,
        input.clientId() != null ? input.clientId() : clientId,
        input.clientSecret(),
        input.privateKey(),
        input.keyId() != null ? input.keyId() : keyId,
        input.scopes() != null ? input.scopes() : scopes,
        input.issuer());
  }

  /**
   * A provider preset's endpoints and scopes, before any client is registered: no token can be got
   * until the client id (and its secret or key) are set.
   */
  public static OAuthSettings preset(
      OAuthGrant grant, String tokenEndpoint, String authorizationEndpoint, String scopes) {
    OAuthSettings preset = new OAuthSettings();
    preset.grant = grant;
    preset.tokenEndpoint = tokenEndpoint;
    preset.authorizationEndpoint = authorizationEndpoint;
    preset.scopes = scopes;
    return preset;
  }

  /** None set: a profile that does not sign in by OAuth. */
  public static OAuthSettings none() {
    return new OAuthSettings();
  }

  /** What is wrong with {@code input} for these settings (the stored secrets count as given). */
  public List<Violation> violationsOf(Input given) {
    Input input = over(given);
    List<Violation> found = new ArrayList<>();
    if (input.grant() == null) {
      found.add(
          new Violation(
              "grant",
              "choose how tokens are asked for: CLIENT_SECRET, PRIVATE_KEY_JWT, JWT_BEARER or"
                  + " AUTHORIZATION_CODE"));
    }
    checkEndpoint(found, "tokenEndpoint", input.tokenEndpoint(), true);
    boolean delegated = input.grant() != null && input.grant().connectedPerMailbox();
    checkEndpoint(found, "authorizationEndpoint", input.authorizationEndpoint(), delegated);
    if (blank(input.clientId())) {
      found.add(
          new Violation(
              "clientId",
              "enter the application (client) id, or for JWT_BEARER the service account's"
                  + " client email"));
    } else if (input.clientId().length() > 320) {
      found.add(new Violation("clientId", "must be at most 320 characters"));
    }
    if (input.grant() != null) {
      if (input.grant().needsClientSecret()
          && input.clientSecret() == null
          && clientSecret == null) {
        found.add(new Violation("clientSecret", "enter the client secret of the application"));
      }
      if (input.grant().needsPrivateKey()) {
        if (input.privateKey() == null && privateKey == null) {
          found.add(
              new Violation(
                  "privateKey",
                  "paste the private key (PEM, from -----BEGIN PRIVATE KEY-----) that signs the"
                      + " assertions"));
        } else if (input.privateKey() != null
            && !input.privateKey().reveal().contains("-----BEGIN PRIVATE KEY-----")) {
          found.add(
              new Violation(
                  "privateKey",
                  "must be a PKCS#8 private key in PEM, from -----BEGIN PRIVATE KEY----- to"
                      + " -----END PRIVATE KEY----- (convert an RSA key with openssl pkcs8"
                      + " -topk8 -nocrypt)"));
        }
      }
    }
    if (input.privateKey() != null
        && input.privateKey().reveal().length() > MAX_PRIVATE_KEY_LENGTH) {
      found.add(
          new Violation(
              "privateKey", "must be at most " + MAX_PRIVATE_KEY_LENGTH + " characters of PEM"));
    }
    if (input.keyId() != null && input.keyId().length() > 200) {
      found.add(new Violation("keyId", "must be at most 200 characters"));
    }
    if (input.scopes() != null && input.scopes().length() > 1000) {
      found.add(new Violation("scopes", "must be at most 1,000 characters"));
    }
    return found;
  }

  /**
   * These settings changed to {@code input}, which passed {@link #violationsOf}: secrets the grant
   * does not use are forgotten, a {@code null} one is kept.
   */
  public OAuthSettings changed(Input given) {
    Input input = over(given);
    OAuthSettings next = new OAuthSettings();
    next.grant = input.grant();
    next.tokenEndpoint = input.tokenEndpoint().strip();
    next.authorizationEndpoint =
        blank(input.authorizationEndpoint()) ? null : input.authorizationEndpoint().strip();
    next.clientId = input.clientId().strip();
    next.clientSecret =
        input.grant().takesClientSecret()
            ? (input.clientSecret() != null ? input.clientSecret() : clientSecret)
            : null;
    next.privateKey =
        input.grant().needsPrivateKey()
            ? (input.privateKey() != null ? input.privateKey() : privateKey)
            : null;
    next.keyId = blank(input.keyId()) ? null : input.keyId().strip();
    next.scopes = blank(input.scopes()) ? null : input.scopes().strip();
    return next;
  }

  /** The client to get tokens with, or empty when none is set. */
  public Optional<OAuthClient> client() {
    if (grant == null || tokenEndpoint == null || clientId == null) {
      return Optional.empty();
    }
    return Optional.of(
        new OAuthClient(
            grant, URI.create(tokenEndpoint), clientId, clientSecret, privateKey, keyId, scopes));
  }

  private static void checkEndpoint(
      List<Violation> found, String field, String value, boolean required) {
    if (value != null && value.contains("<tenant>")) {
      found.add(
          new Violation(
              field,
              "replace <tenant> in the preset's URL with your organisation's directory (tenant) id"));
      return;
    }
    if (blank(value)) {
      if (required) {
        found.add(
            new Violation(
                field,
                "tokenEndpoint".equals(field)
                    ? "enter the authorization server's token endpoint (an https URL)"
                    : "enter the authorization server's authorization endpoint (an https URL),"
                        + " where a person signs in to connect a mailbox"));
      }
      return;
    }
    try {
      URI uri = new URI(value.strip());
      boolean https = "https".equalsIgnoreCase(uri.getScheme());
      boolean loopbackHttp =
          "http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
      if (uri.getHost() == null || !(https || loopbackHttp) || value.length() > 2000) {
        found.add(
            new Violation(
                field,
                "must be an https URL of at most 2,000 characters (http only to this machine)"));
      }
    } catch (URISyntaxException e) {
      found.add(new Violation(field, "must be an https URL, e.g. https://login.example.com/token"));
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  public OAuthGrant getGrant() {
    return grant;
  }

  public String getTokenEndpoint() {
    return tokenEndpoint;
  }

  public String getAuthorizationEndpoint() {
    return authorizationEndpoint;
  }

  public String getClientId() {
    return clientId;
  }

  public boolean isClientSecretSet() {
    return clientSecret != null;
  }

  public boolean isPrivateKeySet() {
    return privateKey != null;
  }

  public String getKeyId() {
    return keyId;
  }

  public String getScopes() {
    return scopes;
  }
}
