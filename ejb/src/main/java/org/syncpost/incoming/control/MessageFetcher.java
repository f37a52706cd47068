package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.syncpost.email.control.MessageParser;
import org.syncpost.email.entity.UnparseableMessage;
import org.syncpost.incoming.entity.ServerMessageKey;

/**
 * Reads one message of a batch whose bodies were fetched, and parses it: in memory, or through a
 * temporary file when it is large; a message over the organisation's size limit, or one that is not
 * readable as MIME, becomes a refused one with the reason.
 */
@ApplicationScoped
public class MessageFetcher {

  private static final System.Logger LOGGER = System.getLogger(MessageFetcher.class.getName());

  /**
   * Larger messages are not fetched into memory: they stream from the server into a temporary file
   * (partial fetches), are parsed from there, and their large attachments stream from there into
   * the database, so a message of 100 MB is ingested within a small heap.
   */
  static final long IN_MEMORY_MESSAGE_BYTES = 16L * 1024 * 1024;

  @Inject MessageParser parser;

  public Fetched fetch(Candidate candidate, ServerMessageKey key, IngestRules rules)
      throws MessagingException {
    if (candidate.size() > rules.maxMessageBytes()) {
      return Fetched.refused(
          key,
          null,
          candidate.size(),
          candidate.received(),
          "the message ("
              + candidate.size() / (1024 * 1024)
              + " MB) is larger than the organisation's maximum incoming message size of "
              + rules.maxMessageBytes() / (1024 * 1024)
              + " MB");
    }
    if (candidate.size() > IN_MEMORY_MESSAGE_BYTES) {
      return fetchThroughFile(candidate, key, rules);
    }
    byte[] raw;
    try {
      ByteArrayOutputStream out =
          new ByteArrayOutputStream((int) Math.max(Math.min(candidate.size(), 1 << 20), 1024));
      candidate.message().writeTo(out);
      raw = out.toByteArray();
    } catch (IOException unreadable) {
      throw new MessagingException("reading " + key + " failed", unreadable);
    }
    try {
      return Fetched.parsed(
          key, raw, candidate.received(), parser.parse(raw, rules.maxAttachmentBytes()));
    } catch (UnparseableMessage refused) {
      return Fetched.refused(key, raw, raw.length, candidate.received(), refused.reason());
    }
  }

  private Fetched fetchThroughFile(Candidate candidate, ServerMessageKey key, IngestRules rules)
      throws MessagingException {
    Path file = null;
    try {
      file = Files.createTempFile("syncpost-message-", ".eml");
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long size;
      try (DigestOutputStream out =
          new DigestOutputStream(
              new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha256)) {
        candidate.message().writeTo(out);
      }
      size = Files.size(file);
      String fingerprint = HexFormat.of().formatHex(sha256.digest());
      LOGGER.log(
          System.Logger.Level.INFO,
          "{0}: {1} MB, read through a temporary file",
          key,
          size / (1024 * 1024));
      try {
        return Fetched.parsedFromFile(
            key,
            size,
            fingerprint,
            candidate.received(),
            parser.parse(file, rules.maxAttachmentBytes()));
      } catch (UnparseableMessage refused) {
        return Fetched.refused(
            key,
            null,
            size,
            candidate.received(),
            refused.reason() + " (its raw bytes are too large to keep in quarantine)");
      }
    } catch (IOException unreadable) {
      throw new MessagingException("reading " + key + " failed", unreadable);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file; the operating system cleans its temporary directory too
        }
      }
    }
  }
}
