package org.syncpost.mailserver.entity;

/**
 * How SyncPost gets an access token that lets it sign in to a mailbox for the whole profile
 * (app-only): the client credentials grant (RFC 6749 §4.4) with the client authenticated by a
 * secret or by a private-key JWT, or the JWT bearer grant (RFC 7523 §2.1) naming the mailbox.
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
  JWT_BEARER(true, false, true);

  private final boolean tokenPerMailbox;
  private final boolean needsClientSecret;
  private final boolean needsPrivateKey;

  OAuthGrant(boolean tokenPerMailbox, boolean needsClientSecret, boolean needsPrivateKey) {
    this.tokenPerMailbox = tokenPerMailbox;
    this.needsClientSecret = needsClientSecret;
    this.needsPrivateKey = needsPrivateKey;
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
}
