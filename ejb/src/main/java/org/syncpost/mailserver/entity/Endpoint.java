package org.syncpost.mailserver.entity;

import java.util.Objects;
import org.syncpost.crypto.entity.Secret;

/**
 * One mail server as SyncPost signs in to it for one mailbox: where, how it is protected, with
 * which credentials, and which connection budget it draws from.
 *
 * @param protocol IMAP, POP3 or SMTP
 * @param host host name or address, without port
 * @param port TCP port
 * @param tlsMode implicit TLS, STARTTLS required, or STARTTLS if offered
 * @param connectionTimeoutSeconds bound for connecting and for every read and write
 * @param username the account to sign in as
 * @param password its password; never printed (see {@link #toString()})
 * @param authProtocol which authentication mechanisms may be used
 * @param trust extra trust anchors and revocation checking
 * @param connectionKey the budget this connection counts against: the profile's when the profile's
 *     credentials are used, the mailbox's otherwise (see {@code ConnectionLimiter})
 * @param maxConnections the profile's maximum concurrent connections for that budget
 * @param traceLabel when not null, the protocol dialogue of this endpoint's sessions is logged
 *     under this label (e.g. {@code mailbox 42}), credentials redacted
 * @param actingFor when not null, {@code username} is the profile's account signing in on behalf of
 *     this mailbox (impersonation), and a refused sign-in is {@code IMPERSONATION_REFUSED}
 * @param authorizationId when not null, the SASL authorization identity (RFC 4616 authzid) sent
 *     with {@code AUTHENTICATE PLAIN}: the only mechanism then allowed, so the server either opens
 *     the session as this identity or refuses it; never a session of the account's own
 */
public record Endpoint(
    MailProtocol protocol,
    String host,
    int port,
    TlsMode tlsMode,
    int connectionTimeoutSeconds,
    String username,
    Secret password,
    AuthProtocol authProtocol,
    TrustSettings trust,
    String connectionKey,
    int maxConnections,
    String traceLabel,
    String actingFor,
    String authorizationId) {

  /** An endpoint that signs in as {@code username} itself (no impersonation). */
  public Endpoint(
      MailProtocol protocol,
      String host,
      int port,
      TlsMode tlsMode,
      int connectionTimeoutSeconds,
      String username,
      Secret password,
      AuthProtocol authProtocol,
      TrustSettings trust,
      String connectionKey,
      int maxConnections,
      String traceLabel) {
    this(
        protocol,
        host,
        port,
        tlsMode,
        connectionTimeoutSeconds,
        username,
        password,
        authProtocol,
        trust,
        connectionKey,
        maxConnections,
        traceLabel,
        null,
        null);
  }

  /** An endpoint whose sessions are not traced. */
  public Endpoint(
      MailProtocol protocol,
      String host,
      int port,
      TlsMode tlsMode,
      int connectionTimeoutSeconds,
      String username,
      Secret password,
      AuthProtocol authProtocol,
      TrustSettings trust,
      String connectionKey,
      int maxConnections) {
    this(
        protocol,
        host,
        port,
        tlsMode,
        connectionTimeoutSeconds,
        username,
        password,
        authProtocol,
        trust,
        connectionKey,
        maxConnections,
        null);
  }

  public Endpoint {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tlsMode, "tlsMode");
    Objects.requireNonNull(authProtocol, "authProtocol");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(connectionKey, "connectionKey");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
    }
    if (connectionTimeoutSeconds < 1) {
      throw new IllegalArgumentException("a connection needs a timeout of at least one second");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("at least one connection must be allowed");
    }
    if (authorizationId != null && actingFor == null) {
      throw new IllegalArgumentException("an authorization identity acts for a mailbox");
    }
  }

  /** The profile's account signs in on behalf of a mailbox. */
  public boolean impersonates() {
    return actingFor != null;
  }

  /** {@code IMAP server imap.example.com:993}: what a person reads in an alert; no credentials. */
  public String describe() {
    return describe(protocol, host, port);
  }

  /** {@link #describe()} for a server that has no endpoint yet (e.g. credentials are missing). */
  public static String describe(MailProtocol protocol, String host, int port) {
    return protocol + " server " + hostAndPort(host, port);
  }

  public String hostAndPort() {
    return hostAndPort(host, port);
  }

  private static String hostAndPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  public int timeoutMillis() {
    return Math.multiplyExact(connectionTimeoutSeconds, 1000);
  }

  /** Records print every component; this one must never print the password. */
  @Override
  public String toString() {
    return "Endpoint["
        + protocol
        + " "
        + hostAndPort()
        + ", "
        + tlsMode
        + ", timeout="
        + connectionTimeoutSeconds
        + "s, user="
        + username
        + ", password="
        + (password == null ? "none" : "****")
        + (actingFor == null ? "" : ", for=" + actingFor)
        + (authorizationId == null ? "" : ", authzid=" + authorizationId)
        + ", auth="
        + authProtocol
        + ", "
        + trust
        + ", key="
        + connectionKey
        + ", max="
        + maxConnections
        + "]";
  }
}
