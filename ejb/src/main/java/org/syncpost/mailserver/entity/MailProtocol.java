package org.syncpost.mailserver.entity;

/** The protocols a profile speaks, with their well-known ports (RFC 8314 for implicit TLS). */
public enum MailProtocol {
  IMAP(993, 143),
  POP3(995, 110),
  /** 465 is SMTP submission over implicit TLS (RFC 8314 §3.3); 587 is submission with STARTTLS. */
  SMTP(465, 587);

  private final int implicitTlsPort;
  private final int plainOrStartTlsPort;

  MailProtocol(int implicitTlsPort, int plainOrStartTlsPort) {
    this.implicitTlsPort = implicitTlsPort;
    this.plainOrStartTlsPort = plainOrStartTlsPort;
  }

  public int defaultPort(boolean useSsl) {
    return useSsl ? implicitTlsPort : plainOrStartTlsPort;
  }

  public boolean isDefaultPort(int port) {
    return port == implicitTlsPort || port == plainOrStartTlsPort;
  }

  /** STARTTLS ports: "use SSL" there means upgrading the plain connection, not implicit TLS. */
  public boolean isStartTlsPort(int port) {
    return port == plainOrStartTlsPort;
  }
}
