package org.syncpost.mailserver.control;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * Angus' IMAP store for a session with a SASL authorization identity: it signs in only by {@code
 * AUTHENTICATE PLAIN} (RFC 4616), which carries the identity. Angus itself falls back to the plain
 * {@code LOGIN} command when the server offers none of the allowed mechanisms, and that would open
 * the profile account's own mailbox for somebody else's; this store refuses before any credential
 * is sent instead.
 */
class ImpersonatingImapStore extends IMAPStore {

  ImpersonatingImapStore(Session session, URLName url) {
    super(session, url, "imap", false);
  }

  @Override
  protected void preLogin(IMAPProtocol protocol) throws ProtocolException {
    if (!protocol.hasCapability("AUTH=PLAIN")) {
      throw new NoAuthorizationIdentity(
          "the server offers no AUTHENTICATE PLAIN, the only sign-in that names the mailbox to"
              + " act for");
    }
  }

  /** The server cannot be told whom the session is for. */
  static final class NoAuthorizationIdentity extends ProtocolException {
    private static final long serialVersionUID = 1L;

    NoAuthorizationIdentity(String message) {
      super(message);
    }
  }
}
