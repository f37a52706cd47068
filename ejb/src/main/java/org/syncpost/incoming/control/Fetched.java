package org.syncpost.incoming.control;

import java.time.Instant;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.incoming.entity.ServerMessageKey;

/**
 * One message as fetched from the server, parsed outside any transaction: either {@code parsed}, or
 * {@code refusal} says why it goes to quarantine.
 *
 * @param uidl the POP3 UIDL, or {@code null} for IMAP
 * @param raw the message bytes, or {@code null} when it was too large to fetch
 */
record Fetched(
    ServerMessageKey key,
    byte[] raw,
    long size,
    Instant receivedOn,
    ParsedMessage parsed,
    String refusal,
    String uidl) {

  static Fetched parsed(
      ServerMessageKey key, byte[] raw, Instant receivedOn, ParsedMessage parsed) {
    return new Fetched(key, raw, raw.length, receivedOn, parsed, null, null);
  }

  static Fetched refused(
      ServerMessageKey key, byte[] raw, long size, Instant receivedOn, String refusal) {
    return new Fetched(key, raw, size, receivedOn, null, refusal, null);
  }

  Fetched withUidl(String popUidl) {
    return new Fetched(key, raw, size, receivedOn, parsed, refusal, popUidl);
  }

  @Override
  public String toString() {
    return "Fetched[" + key + ", " + size + " bytes" + (refusal == null ? "" : ", refused") + "]";
  }
}
