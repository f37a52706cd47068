package org.syncpost.email.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The columns of a received email's {@link Protection} (JPA 3.1 cannot embed a record): its S/MIME
 * signature state and signer, and its encryption (issue 16).
 */
@Embeddable
public class ReceivedProtection {

  @Enumerated(EnumType.STRING)
  @Column(name = "signature", length = 20)
  private Protection.Signature signature;

  @Column(name = "signer", length = 1000)
  private String signer;

  @Enumerated(EnumType.STRING)
  @Column(name = "encryption", length = 20)
  private Protection.Encryption encryption;

  protected ReceivedProtection() {}

  ReceivedProtection(Protection protection) {
    this.signature = protection.signature();
    this.signer = protection.signer();
    this.encryption = protection.encryption();
  }

  Protection asProtection() {
    return new Protection(signature, signer, encryption);
  }
}
