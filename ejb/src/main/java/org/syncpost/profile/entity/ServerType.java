package org.syncpost.profile.entity;

import org.syncpost.mailserver.entity.MailProtocol;

/** Which servers a profile connects to. */
public enum ServerType {
  IMAP_SMTP(MailProtocol.IMAP, "IMAP/SMTP"),
  POP3_SMTP(MailProtocol.POP3, "POP3/SMTP");

  private final MailProtocol incoming;
  private final String label;

  ServerType(MailProtocol incoming, String label) {
    this.incoming = incoming;
    this.label = label;
  }

  public MailProtocol incoming() {
    return incoming;
  }

  public MailProtocol outgoing() {
    return MailProtocol.SMTP;
  }

  public String label() {
    return label;
  }

  /**
   * A POP3 mailbox has no folders, UIDs or server-side state an IMAP profile could pick up, so
   * turning a POP3 profile into an IMAP one would silently re-import or lose mail.
   */
  public boolean canBecome(ServerType other) {
    return this == other || this == IMAP_SMTP;
  }
}
