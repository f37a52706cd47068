package org.syncpost.mailserver.entity;

/** How a connection authenticates once it is open. */
public enum AuthProtocol {
  /** The strongest mechanism the server offers. */
  AUTO_DETECT,
  /** PLAIN or LOGIN, always inside TLS. */
  BASIC,
  NTLM,
  /** XOAUTH2 with an access token: what every provider of the presets takes. */
  OAUTH2,
  /**
   * SASL OAUTHBEARER (RFC 7628) with an access token, for servers that offer it and not XOAUTH2;
   * IMAP and SMTP only: Angus Mail's POP3 has no SASL (ADR 0024).
   */
  OAUTHBEARER;

  /** Signs in with an access token (credential source OAUTH2), not a password. */
  public boolean usesAccessToken() {
    return this == OAUTH2 || this == OAUTHBEARER;
  }
}
