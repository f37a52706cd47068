package org.syncpost.mailserver.entity;

/** Whether a server certificate's revocation status (OCSP, then CRL) is checked. */
public enum RevocationCheck {
  /** Refuse a certificate whose status cannot be confirmed, also one that names no OCSP or CRL. */
  ON,
  /**
   * Refuse a revoked certificate; accept one whose status cannot be had (no OCSP responder or CRL
   * named, or none reachable).
   */
  SOFT_FAIL,
  OFF;

  /**
   * What a profile checks when nobody chose (ADR 0018): an in-house CA without OCSP or CRL works,
   * and a certificate its CA says is revoked is refused.
   */
  public static final RevocationCheck DEFAULT = SOFT_FAIL;
}
