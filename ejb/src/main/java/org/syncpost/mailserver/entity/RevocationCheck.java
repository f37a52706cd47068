package org.syncpost.mailserver.entity;

/** Whether a server certificate's revocation status (OCSP, then CRL) is checked. */
public enum RevocationCheck {
  /** Refuse a certificate whose status cannot be confirmed. */
  ON,
  /** Refuse a revoked certificate; accept when the responder cannot be reached. */
  SOFT_FAIL,
  OFF
}
