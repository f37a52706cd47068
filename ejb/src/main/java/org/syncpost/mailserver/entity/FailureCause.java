package org.syncpost.mailserver.entity;

/**
 * Why talking to a mail server failed, in words an administrator understands: what failed and why
 * ({@link #describe}), what to do ({@link #advice()}), a stable code for alerts and APIs, and
 * whether waiting and trying again can help ({@link #isTransient()}).
 *
 * <p>Sentences use {@code {server}} for {@code "IMAP server imap.example.com:993"} and {@code
 * {what}} for the particular thing concerned (a folder, an address), if any.
 */
public enum FailureCause {
  HOST_NOT_FOUND(
      "host-not-found",
      Retry.NO,
      "SyncPost could not connect to the {server}: no host with that name was found (the DNS"
          + " lookup failed).",
      "Check the server name in the email server profile for typing mistakes, and that the DNS"
          + " of the SyncPost server can resolve it."),
  /**
   * Transient: on a server that worked before, a refused connection nearly always means the mail
   * service is restarting or down for maintenance, and it comes back by itself. A wrong port gives
   * the same answer, but then the retries run out and the mailbox is disabled with an error alert,
   * and test &amp; enable fails at once anyway.
   */
  CONNECTION_REFUSED(
      "connection-refused",
      Retry.YES,
      "SyncPost could not connect to the {server}: the connection was refused or the host could"
          + " not be reached, so no mail service is accepting connections on that port.",
      "Check the port in the email server profile and that the mail service is running; a"
          + " firewall may also block the port. If the server is only restarting, SyncPost tries"
          + " again by itself."),
  TIMEOUT(
      "timeout",
      Retry.YES,
      "The {server} did not answer within the connection timeout.",
      "Check that the SyncPost server can reach the mail server (firewall, proxy) and that the"
          + " mail server is not overloaded; raise the profile's connection timeout if the server"
          + " is slow. SyncPost tries again by itself."),
  TLS_HANDSHAKE_FAILED(
      "tls-handshake-failed",
      Retry.NO,
      "SyncPost and the {server} could not set up a secure (TLS) connection: {what}.",
      "Check 'use SSL' against the port in the profile: implicit TLS is used on ports 993, 995"
          + " and 465, STARTTLS on 143, 110 and 587. The server may also offer only outdated TLS"
          + " versions or ciphers, or not offer STARTTLS at all."),
  CERTIFICATE_UNTRUSTED(
      "certificate-untrusted",
      Retry.NO,
      "The {server} presented a certificate that was not issued by a trusted certificate"
          + " authority, so SyncPost did not sign in.",
      "If the server uses a private or self-signed certificate authority, paste that authority's"
          + " certificate (PEM) into the profile's trusted certificates; otherwise ask the mail"
          + " server's administrator to install a certificate from a public authority with its"
          + " full chain."),
  CERTIFICATE_EXPIRED(
      "certificate-expired",
      Retry.NO,
      "The {server} presented a certificate that has expired or is not valid yet, so SyncPost did"
          + " not sign in.",
      "Ask the mail server's administrator to renew the certificate; also check that the clock of"
          + " the SyncPost server is right."),
  CERTIFICATE_WRONG_HOST(
      "certificate-wrong-host",
      Retry.NO,
      "The {server} presented a certificate issued for a different host name, so SyncPost cannot"
          + " be sure it is talking to the right server and did not sign in.",
      "Enter in the profile the host name the certificate was issued for (often the provider's"
          + " documented name rather than an alias or an IP address), or ask the mail server's"
          + " administrator to include this name in the certificate."),
  CERTIFICATE_REVOKED(
      "certificate-revoked",
      Retry.NO,
      "The {server} presented a certificate that its certificate authority has revoked, so"
          + " SyncPost did not sign in.",
      "Do not connect until the mail server's administrator installs a new certificate: a revoked"
          + " certificate may be in the hands of someone else."),
  REVOCATION_UNCHECKED(
      "revocation-unchecked",
      Retry.NO,
      "SyncPost could not find out whether the certificate of the {server} has been revoked, and"
          + " the profile requires it: the certificate names no OCSP responder or revocation list"
          + " (CRL), or they could not be reached or gave no answer.",
      "Check that the SyncPost server may reach the certificate authority's OCSP and CRL addresses"
          + " (firewall, proxy). If the authority publishes no revocation information (usual for"
          + " a private CA) or cannot be reached from your network, set the profile's revocation"
          + " check to soft-fail."),
  AUTHENTICATION_FAILED(
      "authentication-failed",
      Retry.NO,
      "The {server} refused to sign in with the configured user name and password.",
      "Check the user name and password (in the mailbox, or in the profile when it uses"
          + " credentials specified in the profile). The account may be locked, or may need an app"
          + " password when multi-factor authentication is on."),
  /**
   * The profile's account signed in on behalf of a mailbox (SASL authorization identity or
   * master-user login) and the server refused: SyncPost never falls back to the account's own
   * mailbox.
   */
  IMPERSONATION_REFUSED(
      "impersonation-refused",
      Retry.NO,
      "The {server} refused to let the profile's account act on behalf of {what}, so SyncPost"
          + " read and sent no mail for it.",
      "Give the profile's account the right to act for the mailboxes of this profile on the mail"
          + " server (Dovecot: a master user, i.e. a passdb with master = yes; Cyrus or Zimbra:"
          + " proxy authorization rights; Exchange: Full Access and Send As permissions), and"
          + " check the profile's user name, password and 'impersonation' setting (SASL"
          + " authorization identity or master-user login, with the server's separator)."),
  /**
   * The authorization server gave no access token (issue 15): a wrong client id, secret, key or
   * scope, a service account without domain-wide delegation, or the server unreachable.
   */
  TOKEN_UNAVAILABLE(
      "token-unavailable",
      Retry.NO,
      "SyncPost could not get an OAuth 2.0 access token for the {server}: {what}.",
      "Check the profile's OAuth client (token endpoint, client id, client secret or private key,"
          + " scopes) against the application registered at the provider, and that the"
          + " application may act for this mailbox (Microsoft 365: the IMAP/POP/SMTP application"
          + " permissions and an Exchange service principal; Google Workspace: domain-wide"
          + " delegation of the mail scope)."),
  /**
   * A delegated mailbox (authorization code grant) cannot get tokens any more: never connected, or
   * the authorization server refused its refresh token ({@code invalid_grant}: consent revoked,
   * password changed, token expired or replaced). Only a person signing in again can mend it.
   */
  CONNECT_AGAIN(
      "connect-again",
      Retry.NO,
      "SyncPost may no longer sign in to the {server} for this mailbox: {what}.",
      "The mailbox's owner or an administrator connects it again: open the mailbox's page in"
          + " SyncPost, press 'Connect with …' and sign in at the provider."),
  /** The mail server refused the OAuth 2.0 access token in a XOAUTH2 sign-in. */
  TOKEN_REFUSED(
      "token-refused",
      Retry.NO,
      "The {server} refused the OAuth 2.0 access token: {what}.",
      "Check that the token is for this mailbox (its address as the sign-in name), that the"
          + " application has the mail scope for IMAP, POP3 or SMTP, and that the mailbox is"
          + " licensed and allowed to use these protocols."),
  FOLDER_NOT_FOUND(
      "folder-not-found",
      Retry.NO,
      "The folder {what} does not exist on the {server}.",
      "Correct the mailbox's folders to synchronise, or create the folder on the server; a POP3"
          + " server has only INBOX."),
  CONNECTION_CLOSED(
      "connection-closed",
      Retry.YES,
      "The {server} closed the connection unexpectedly.",
      "This is usually temporary (a restart, maintenance, or a limit on connections), and SyncPost"
          + " tries again by itself. If it keeps happening, check the mail server's log and the"
          + " profile's maximum concurrent connections."),
  RELAY_REFUSED(
      "relay-refused",
      Retry.NO,
      "The {server} refused to accept the message {what}: this account may not send from or to"
          + " that address (relaying denied).",
      "Check that the account may send as the mailbox's email address (send-as rights) and that"
          + " the mailbox's email address is correct."),
  SERVER_BUSY(
      "server-busy",
      Retry.YES,
      "The {server} is busy or temporarily unavailable (too many connections, or a temporary"
          + " error).",
      "SyncPost tries again by itself. If it keeps happening, lower the profile's maximum"
          + " concurrent connections or ask the mail server's administrator to raise its limit."),
  CONNECTION_LIMIT_REACHED(
      "connection-limit-reached",
      Retry.YES,
      "All connections SyncPost may open to the {server} {what} were in use, and none became free"
          + " in time.",
      "Wait for running synchronisations to finish, or raise the profile's maximum concurrent"
          + " connections if the mail server allows more."),
  CREDENTIALS_MISSING(
      "credentials-missing",
      Retry.NO,
      "SyncPost has no credentials to sign in to the {server}: {what}.",
      "Enter the user name and password in the mailbox and allow their use for email"
          + " processing, or let the profile use credentials specified in the profile."),
  NO_PROFILE(
      "no-profile",
      Retry.NO,
      "The mailbox has no email server profile, so SyncPost does not know which server to connect"
          + " to.",
      "Choose an email server profile for the mailbox, or apply the default email settings."),
  UNSUPPORTED_AUTHENTICATION(
      "unsupported-authentication",
      Retry.NO,
      "SyncPost cannot sign in to the {server} the way the profile asks: {what}.",
      "Choose another authentication protocol in the profile (Auto detect, or Basic), or another"
          + " way to authenticate; OAuth 2.0 sign-in is not available in this version."),
  NON_SSL_NOT_ALLOWED(
      "non-ssl-not-allowed",
      Retry.NO,
      "The profile connects to the {server} without SSL/TLS, which the organisation's email"
          + " settings do not allow.",
      "Turn on 'use SSL' for this server in the profile, or allow non-SSL email in the"
          + " organisation's email settings if you accept that passwords may cross the network"
          + " unencrypted."),
  TRUSTED_CERTIFICATES_INVALID(
      "trusted-certificates-invalid",
      Retry.NO,
      "The trusted certificates in the profile for the {server} cannot be read: {what}.",
      "Paste one or more certificates in PEM format (from -----BEGIN CERTIFICATE----- to"
          + " -----END CERTIFICATE-----) into the profile's trusted certificates, or empty it."),
  UNKNOWN(
      "unknown",
      Retry.NO,
      "Talking to the {server} failed for a reason SyncPost does not recognise.",
      "Read the technical details; if they do not explain it, send them to your support.");

  private enum Retry {
    YES,
    NO
  }

  private final String code;
  private final boolean transientFailure;
  private final String sentence;
  private final String advice;

  FailureCause(String code, Retry retry, String sentence, String advice) {
    this.code = code;
    this.transientFailure = retry == Retry.YES;
    this.sentence = sentence;
    this.advice = advice;
  }

  /** Stable, kebab-case: alerts are de-duplicated and APIs match on it. */
  public String code() {
    return code;
  }

  /** Waiting and trying again can help (timeouts, connection loss, a busy server). */
  public boolean isTransient() {
    return transientFailure;
  }

  /** Needs an administrator: trying again without a change gives the same answer. */
  public boolean isPermanent() {
    return !transientFailure;
  }

  /** What to do next. */
  public String advice() {
    return advice;
  }

  /** The sentence as written, with its {@code {server}} and {@code {what}} placeholders. */
  public String template() {
    return sentence;
  }

  /**
   * What failed and why.
   *
   * @param server e.g. {@code IMAP server imap.example.com:993}
   * @param what the particular folder or address concerned, or {@code null}
   */
  public String describe(String server, String what) {
    String named = sentence.replace("{server}", server);
    if (what == null || what.isBlank()) {
      return named.replace(": {what}", "").replace(" {what}", "");
    }
    return named.replace("{what}", what.strip());
  }
}
