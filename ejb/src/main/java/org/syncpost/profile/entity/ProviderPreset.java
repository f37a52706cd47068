package org.syncpost.profile.entity;

import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.OAuthGrant;

/**
 * A mail provider's settings for a new profile (issue 15): where its servers are, how to sign in,
 * and — where it offers app-only OAuth 2.0 for mail — its endpoints and scopes.
 *
 * @param id stable name, e.g. {@code GOOGLE}
 * @param name what a person reads
 * @param imap {@code host:port} of its IMAP server; every server of a preset is used with SSL on
 *     (implicit TLS, or STARTTLS required on 587: {@code TlsMode#of})
 * @param pop3 {@code host:port} of its POP3 server, or {@code null} when it has none
 * @param smtp {@code host:port} of its SMTP submission server
 * @param credentialSource how a profile of it signs in
 * @param grant how OAuth tokens are asked for, or {@code null} without OAuth
 * @param tokenEndpoint its token endpoint, or {@code null}
 * @param authorizationEndpoint its authorization endpoint, or {@code null}
 * @param scopes the scopes for mail, or {@code null}
 * @param note what else an administrator has to do, in words
 */
public record ProviderPreset(
    String id,
    String name,
    String imap,
    String pop3,
    String smtp,
    CredentialSource credentialSource,
    OAuthGrant grant,
    String tokenEndpoint,
    String authorizationEndpoint,
    String scopes,
    String note) {

  /** OAuth 2.0 sign-in through XOAUTH2, or the mechanisms the server offers for passwords. */
  public AuthProtocol authProtocol() {
    return credentialSource == CredentialSource.OAUTH2
        ? AuthProtocol.OAUTH2
        : AuthProtocol.AUTO_DETECT;
  }

  /** The incoming server for {@code type}: its POP3 server for POP3/SMTP profiles. */
  public String incoming(ServerType type) {
    return type == ServerType.POP3_SMTP ? pop3 : imap;
  }

  /** Its OAuth endpoints and scopes for a new profile, or none without OAuth. */
  public OAuthSettings oauth() {
    return grant == null
        ? OAuthSettings.none()
        : OAuthSettings.preset(grant, tokenEndpoint, authorizationEndpoint, scopes);
  }
}
