package org.syncpost.mailserver.entity;

import java.net.URI;
import java.util.Objects;
import org.syncpost.crypto.entity.Secret;

/**
 * An OAuth 2.0 client that SyncPost is registered as at an authorization server, to get access
 * tokens for signing in to mail servers by XOAUTH2 (app-only: for every mailbox of a profile).
 *
 * @param grant how tokens are asked for
 * @param tokenEndpoint the authorization server's token endpoint
 * @param clientId the client (application) id; for {@link OAuthGrant#JWT_BEARER} the service
 *     account, the assertion's issuer
 * @param clientSecret for {@link OAuthGrant#CLIENT_SECRET}; never printed
 * @param privateKeyPem a PKCS#8 RSA private key (PEM) that signs assertions; never printed
 * @param keyId the {@code kid} of that key at the authorization server, or {@code null}
 * @param scopes space-separated scopes, or {@code null} for the server's default
 */
public record OAuthClient(
    OAuthGrant grant,
    URI tokenEndpoint,
    String clientId,
    Secret clientSecret,
    Secret privateKeyPem,
    String keyId,
    String scopes) {

  public OAuthClient {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(clientId, "clientId");
  }

  /**
   * What this client lacks to ask for a token, in words for a person, or {@code null} when it lacks
   * nothing.
   */
  public String missing() {
    if (grant.needsClientSecret() && clientSecret == null) {
      return "the OAuth client has no client secret";
    }
    if (grant.needsPrivateKey() && privateKeyPem == null) {
      return "the OAuth client has no private key";
    }
    return null;
  }

  /** The same client, whatever its secrets: tokens are kept per client and mailbox. */
  public String cacheKey(String mailbox) {
    return grant
        + " "
        + tokenEndpoint
        + " "
        + clientId
        + " "
        + scopes
        + " "
        + keyId
        + (grant.tokenPerMailbox() ? " " + mailbox : "");
  }

  /** Records print every component; this one never prints the secret or the key. */
  @Override
  public String toString() {
    return "OAuthClient["
        + grant
        + " "
        + tokenEndpoint
        + ", client="
        + clientId
        + ", secret="
        + (clientSecret == null ? "none" : "****")
        + ", key="
        + (privateKeyPem == null ? "none" : "****")
        + ", kid="
        + keyId
        + ", scopes="
        + scopes
        + "]";
  }
}
