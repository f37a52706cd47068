package org.syncpost.testing.mail;

/** A test mail server (Dovecot, Postfix, the OCSP or CRL server) could not be started. */
public class ServerStartFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ServerStartFailed(String message) {
    super(message);
  }

  public ServerStartFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
