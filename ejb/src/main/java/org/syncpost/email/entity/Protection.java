package org.syncpost.email.entity;

/**
 * How a received message was protected by its sender (issue 16): its S/MIME signature as SyncPost
 * checked it, and whether it is encrypted, which SyncPost cannot read.
 *
 * @param signature the S/MIME signature's state, or {@code null} when it is not S/MIME signed
 * @param signer who signed it (the signing certificate's email address or subject), or {@code null}
 * @param encryption how it is encrypted, or {@code null} when it is not
 */
public record Protection(Signature signature, String signer, Encryption encryption) {

  public static final Protection NONE = new Protection(null, null, null);

  /** An S/MIME signature (RFC 8551) as checked on receipt. */
  public enum Signature {
    /** The content is as signed, by a certificate that chains to a trusted authority. */
    VALID,
    /** The content was changed after signing, or the signature cannot be read. */
    INVALID,
    /** The content is as signed, but by a certificate no trusted authority vouches for. */
    UNKNOWN_SIGNER
  }

  /** Encrypted content: recorded with its headers, its body not readable by SyncPost. */
  public enum Encryption {
    SMIME,
    OPENPGP
  }
}
