package org.syncpost.profile.entity;

/**
 * How the profile's account signs in on behalf of a mailbox when the profile's credentials are
 * used.
 */
public enum ImpersonationMethod {
  /**
   * SASL PLAIN with an authorization identity (RFC 4616 authzid): the account authenticates, the
   * server opens the mailbox named by the identity. IMAP {@code AUTHENTICATE PLAIN}, POP3 {@code
   * AUTH PLAIN} (RFC 5034), SMTP {@code AUTH PLAIN} (RFC 4954). Dovecot (master users), Cyrus and
   * Zimbra (proxy authorization) take it.
   */
  SASL_AUTHZID,
  /**
   * The login name {@code <mailbox><separator><account>} with the account's password, as Dovecot's
   * master users (separator {@code auth_master_user_separator}) and some other servers take it.
   */
  MASTER_USER_LOGIN
}
