package org.syncpost.mailserver.entity;

/**
 * How SyncPost gets an access token that lets it sign in to a mailbox: for the whole profile
 * (app-only) the client credentials grant (RFC 6749 §4.4) with the client authenticated by a secret
 * or by a private-key JWT, or the JWT bearer grant (RFC 7523 §2.1) naming the mailbox; or
 * delegated, each mailbox connected by a person through the authorization code grant with PKCE (RFC
 * 6749 §4.1, RFC 7636) and kept connected by its refresh token.
 */
public enum OAuthGrant {
  /**
   * Client credentials, the client authenticated by its secret (HTTP Basic, RFC 6749 §2.3.1): the
   * Microsoft 365 app-only shape; one token for every mailbox the application may open.
   */
  CLIENT_SECRET(false, true, false),
  /**
   * Client credentials, the client authenticated by a JWT signed with its private key (RFC 7523
   * §2.2, {@code private_key_jwt}): Microsoft 365 with a certificate instead of a secret.
   */
  PRIVATE_KEY_JWT(false, false, true),
  /**
   * JWT bearer grant (RFC 7523 §2.1): an assertion signed with a service-account key whose {@code
   * sub} is the mailbox's address, one token per mailbox: Google Workspace domain-wide delegation.
   */
  JWT_BEARER(true, false, true),
  /**
   * Delegated (issue 15): the mailbox's owner or an administrator signs in at the provider from the
   * mailbox page ("Connect with …"), SyncPost gets an authorization code with PKCE (RFC 7636) and
   * keeps the mailbox's refresh token; access tokens come from the refresh token grant (RFC 6749
   * §6). A confidential client also has a secret; a public one has none.
   */
  AUTHORIZATION_CODE(true, false, false, true);

  private final boolean tokenPerMailbox;
  private final boolean needsClientSecret;
  private final boolean needsPrivateKey;
  private final boolean connectedPerMailbox;

  OAuthGrant(boolean tokenPerMailbox, boolean needsClientSecret, boolean needsPrivateKey) {
    this(tokenPerMailbox, needsClientSecret, needsPrivateKey, false);
  }

  OAuthGrant(
      boolean tokenPerMailbox,
      boolean needsClientSecret,
      boolean needsPrivateKey,
      boolean connectedPerMailbox) {
    this.tokenPerMailbox = tokenPerMailbox;
    this.needsClientSecret = needsClientSecret;
    this.needsPrivateKey = needsPrivateKey;
    this.connectedPerMailbox = connectedPerMailbox;
  }

  /** The token names the mailbox; otherwise one token serves every mailbox of the client. */
  public boolean tokenPerMailbox() {
    return tokenPerMailbox;
  }

  public boolean needsClientSecret() {
    return needsClientSecret;
  }

  public boolean needsPrivateKey() {
    return needsPrivateKey;
  }

  /**
   * A client secret may be given: required when {@link #needsClientSecret}, optional for a
   * delegated client (confidential with one, public without).
   */
  public boolean takesClientSecret() {
    return needsClientSecret || connectedPerMailbox;
  }

  /**
   * Each mailbox is connected by a person signing in at the provider ("Connect with …" on the
   * mailbox page), and the profile needs its authorization endpoint; otherwise SyncPost gets tokens
   * for every mailbox by itself.
   */
  public boolean connectedPerMailbox() {
    return connectedPerMailbox;
  }
}
