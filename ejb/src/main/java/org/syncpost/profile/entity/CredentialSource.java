package org.syncpost.profile.entity;

/** Whose credentials a profile uses to sign in to its servers. */
public enum CredentialSource {
  /** Each mailbox's own user name and password. */
  USER_OR_QUEUE(true, true),
  /** One account in the profile with rights on every mailbox of the profile. */
  PROFILE(true, true),
  /** The application server's own mail session credentials (SMTP only). */
  SERVER_IDENTITY(false, true),
  /** OAuth 2.0 access tokens (XOAUTH2). */
  OAUTH2(true, true),
  /** Without credentials: never valid, kept so the API can say why. */
  ANONYMOUS(false, false);

  private final boolean validForIncoming;
  private final boolean validForOutgoing;

  CredentialSource(boolean validForIncoming, boolean validForOutgoing) {
    this.validForIncoming = validForIncoming;
    this.validForOutgoing = validForOutgoing;
  }

  public boolean validForIncoming() {
    return validForIncoming;
  }

  public boolean validForOutgoing() {
    return validForOutgoing;
  }

  /** Profile-held credentials count connections per profile; mailbox credentials per mailbox. */
  public boolean sharedByAllMailboxes() {
    return this == PROFILE || this == SERVER_IDENTITY;
  }
}
