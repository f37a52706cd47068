package org.syncpost.mailserver.entity;

/** How a connection to a mail server is protected. */
public enum TlsMode {
  /** TLS from the first byte (RFC 8314 §3: ports 993, 995, 465). */
  IMPLICIT(true),
  /** Plain greeting, then STARTTLS; a server that does not offer it is refused. */
  STARTTLS_REQUIRED(true),
  /**
   * "Use SSL = no": STARTTLS when the server offers it, plain text otherwise. Only allowed when the
   * organisation allows non-SSL email.
   */
  STARTTLS_IF_OFFERED(false);

  private final boolean alwaysEncrypted;

  TlsMode(boolean alwaysEncrypted) {
    this.alwaysEncrypted = alwaysEncrypted;
  }

  /**
   * The profile's "use SSL" on a port: on the plain/STARTTLS port of the protocol (143, 110, 587)
   * "yes" means upgrading with STARTTLS, because a TLS ClientHello on those ports is never
   * answered; on any other port it means implicit TLS.
   */
  public static TlsMode of(MailProtocol protocol, int port, boolean useSsl) {
    if (!useSsl) {
      return STARTTLS_IF_OFFERED;
    }
    return protocol.isStartTlsPort(port) ? STARTTLS_REQUIRED : IMPLICIT;
  }

  /** Whether credentials and mail can never cross the network in plain text. */
  public boolean alwaysEncrypted() {
    return alwaysEncrypted;
  }
}
