package org.syncpost.mailserver.entity;

/** How a connection authenticates once it is open. */
public enum AuthProtocol {
  /** The strongest mechanism the server offers. */
  AUTO_DETECT,
  /** PLAIN or LOGIN, always inside TLS. */
  BASIC,
  NTLM,
  /** XOAUTH2 with an access token. */
  OAUTH2
}
