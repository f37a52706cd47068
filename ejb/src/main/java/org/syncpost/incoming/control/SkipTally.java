package org.syncpost.incoming.control;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Instant;

/**
 * The messages one scan left out by the process-from rule: how many, and the last one. Filled on
 * the scanning thread (a fetch-ahead thread for IMAP), read once the scan is over.
 */
final class SkipTally {

  /** What a scan counted, ready to store. */
  record Counted(long count, String lastMessageId, Instant lastDate) {}

  private long count;
  private Message lastMessage;
  private String lastMessageId;
  private Instant lastDate;

  /** A message seen and left out; its Message-ID is read only if it stays the last one. */
  synchronized void skipped(Message message, Instant date) {
    count++;
    lastMessage = message;
    lastMessageId = null;
    lastDate = date;
  }

  /** A message left out whose Message-ID is already known (POP3 reads the whole message). */
  synchronized void skipped(String messageId, Instant date) {
    count++;
    lastMessage = null;
    lastMessageId = messageId;
    lastDate = date;
  }

  /** Messages the server left out for us (IMAP SEARCH SINCE) and that were never seen. */
  synchronized void unseen(long messages) {
    if (messages > 0) {
      count += messages;
    }
  }

  /** The tally, reading the last message's Message-ID on the still open folder if needed. */
  synchronized Counted counted() {
    String id = lastMessageId;
    if (id == null && lastMessage != null) {
      try {
        String[] ids = lastMessage.getHeader("Message-ID");
        id = ids == null || ids.length == 0 ? null : ids[0].strip();
      } catch (MessagingException | RuntimeException unreadable) {
        id = null;
      }
    }
    return new Counted(count, id, lastDate);
  }
}
