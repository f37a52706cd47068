package org.syncpost.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.syncpost.crypto.control.SecretConverter;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.MailProtocol;

/**
 * How SyncPost reaches one mail server of a profile — its incoming (IMAP or POP3) or its outgoing
 * (SMTP) one: host, port, TLS, whose credentials sign in and how. Immutable; a profile holds one
 * for each direction, mapped onto that direction's columns. The password is encrypted at rest (ADR
 * 0003).
 */
@Embeddable
public class ServerConnection {

  @Column(nullable = false)
  private String host;

  @Column(nullable = false)
  private int port;

  @Column(nullable = false)
  private boolean useSsl;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CredentialSource credentialSource;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AuthProtocol authProtocol;

  @Column(length = 320)
  private String username;

  @Convert(converter = SecretConverter.class)
  @Column(length = 1000)
  private Secret password;

  protected ServerConnection() {}

  private ServerConnection(
      String host,
      int port,
      boolean useSsl,
      CredentialSource credentialSource,
      AuthProtocol authProtocol,
      String username,
      Secret password) {
    this.host = host;
    this.port = port;
    this.useSsl = useSsl;
    this.credentialSource = credentialSource;
    this.authProtocol = authProtocol;
    this.username = username;
    this.password = password;
  }

  /** Nothing set yet: what a new profile's connection is configured from. */
  static ServerConnection unset() {
    return new ServerConnection();
  }

  /**
   * This connection reconfigured: an empty port comes from the address or from protocol and SSL; an
   * OAuth 2.0 source signs in by OAuth; profile credentials are kept only with the {@code PROFILE}
   * source (a {@code null} password keeps the stored one).
   */
  ServerConnection configured(
      MailProtocol protocol,
      ServerAddress address,
      Integer requestedPort,
      boolean newUseSsl,
      CredentialSource source,
      AuthProtocol requestedAuth,
      String newUsername,
      Secret newPassword) {
    boolean profileCredentials = source == CredentialSource.PROFILE;
    return new ServerConnection(
        address.host(),
        portFor(protocol, address, requestedPort, newUseSsl),
        newUseSsl,
        source,
        source == CredentialSource.OAUTH2 ? AuthProtocol.OAUTH2 : requestedAuth,
        profileCredentials ? newUsername : null,
        profileCredentials ? (newPassword != null ? newPassword : password) : null);
  }

  /** The same server, signing in as {@code signIn} does (its own credentials forgotten). */
  ServerConnection signingInAs(ServerConnection signIn) {
    return new ServerConnection(
        host, port, useSsl, signIn.credentialSource, signIn.authProtocol, null, null);
  }

  /** The same server with {@code from}'s user name and password: shared settings. */
  ServerConnection withCredentialsOf(ServerConnection from) {
    return new ServerConnection(
        host, port, useSsl, credentialSource, authProtocol, from.username, from.password);
  }

  private int portFor(
      MailProtocol protocol, ServerAddress address, Integer requested, boolean newUseSsl) {
    if (address.port().isPresent() && requested == null) {
      return address.port().get();
    }
    boolean sslChangedUnderDefaultPort =
        requested != null
            && newUseSsl != useSsl
            && requested == port
            && requested == protocol.defaultPort(useSsl);
    return requested == null || sslChangedUnderDefaultPort
        ? protocol.defaultPort(newUseSsl)
        : requested;
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }

  public boolean isUseSsl() {
    return useSsl;
  }

  public CredentialSource getCredentialSource() {
    return credentialSource;
  }

  public AuthProtocol getAuthProtocol() {
    return authProtocol;
  }

  public String getUsername() {
    return username;
  }

  public boolean isPasswordSet() {
    return password != null;
  }

  /** The password, for the mail session only. */
  public Secret getPassword() {
    return password;
  }
}
