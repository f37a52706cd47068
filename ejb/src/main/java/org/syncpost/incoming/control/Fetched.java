package org.syncpost.incoming.control;

import java.time.Instant;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.DeliveryKey;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.incoming.entity.ServerMessageKey;

/**
 * One message as fetched from the server, parsed outside any transaction: either {@code parsed}, or
 * {@code refusal} says why it goes to quarantine.
 *
 * @param uidl the POP3 UIDL, or {@code null} for IMAP
 * @param raw the message bytes, or {@code null} when it was too large to fetch or to hold in memory
 * @param fingerprint SHA-256 of the message bytes (dedup of messages without a Message-ID)
 * @param deliveryKey the message's {@link DeliveryKey}, or {@code null} when it has no well-formed
 *     Message-ID (then it never shares a record with another mailbox)
 */
public record Fetched(
    ServerMessageKey key,
    byte[] raw,
    long size,
    String fingerprint,
    Instant receivedOn,
    ParsedMessage parsed,
    String refusal,
    String uidl,
    String deliveryKey) {

  static Fetched parsed(
      ServerMessageKey key, byte[] raw, Instant receivedOn, ParsedMessage parsed) {
    return new Fetched(
        key,
        raw,
        raw.length,
        IncomingLedger.fingerprintOf(raw),
        receivedOn,
        parsed,
        null,
        null,
        DeliveryKey.of(raw).orElse(null));
  }

  /** A message read from a temporary file, never held in memory as a whole. */
  static Fetched parsedFromFile(
      ServerMessageKey key,
      long size,
      String fingerprint,
      Instant receivedOn,
      ParsedMessage parsed,
      String deliveryKey) {
    return new Fetched(key, null, size, fingerprint, receivedOn, parsed, null, null, deliveryKey);
  }

  static Fetched refused(
      ServerMessageKey key, byte[] raw, long size, Instant receivedOn, String refusal) {
    return new Fetched(
        key, raw, size, IncomingLedger.fingerprintOf(raw), receivedOn, null, refusal, null, null);
  }

  Fetched withUidl(String popUidl) {
    return new Fetched(
        key, raw, size, fingerprint, receivedOn, parsed, refusal, popUidl, deliveryKey);
  }

  /** Deletes the temporary files of spooled attachments, once stored or given up. */
  void discardSpooled() {
    if (parsed != null) {
      parsed.attachments().forEach(AttachmentData::discardSpooled);
    }
  }

  @Override
  public String toString() {
    return "Fetched[" + key + ", " + size + " bytes" + (refusal == null ? "" : ", refused") + "]";
  }
}
