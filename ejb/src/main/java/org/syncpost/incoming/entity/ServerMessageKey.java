package org.syncpost.incoming.entity;

/**
 * One message on a mail server, as IMAP names it (RFC 3501 §2.3.1.1). A POP3 message (RFC 1939 §7:
 * a UIDL is a string, and there is no UIDVALIDITY) stands as folder {@value #POP3_FOLDER},
 * UIDVALIDITY 0 and a 63-bit hash of its UIDL, so that one table of sources serves both.
 */
public record ServerMessageKey(long mailboxId, String folder, long uidValidity, long uid) {

  public static final String POP3_FOLDER = "POP3";

  public static ServerMessageKey ofPop3(long mailboxId, String uidl) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(uidl.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      long hash = java.nio.ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
      return new ServerMessageKey(mailboxId, POP3_FOLDER, 0, hash);
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }

  @Override
  public String toString() {
    return "mailbox " + mailboxId + " " + folder + " UIDVALIDITY " + uidValidity + " UID " + uid;
  }
}
