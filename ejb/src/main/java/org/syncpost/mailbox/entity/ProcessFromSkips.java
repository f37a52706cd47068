package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The messages the process-from rule left out of a mailbox, so nothing is skipped without trace
 * (issue 13): how many, and the last one's Message-ID and date. Written by the incoming engine in
 * one update statement per folder scan; read by the mailbox page and REST.
 */
@Embeddable
public class ProcessFromSkips {

  @Column(name = "skipped_before_process_from", nullable = false)
  private long count;

  @Column(name = "last_skipped_message_id", length = 1000)
  private String lastMessageId;

  @Column(name = "last_skipped_date")
  private OffsetDateTime lastDate;

  public long getCount() {
    return count;
  }

  /** The Message-ID of the last message skipped, or {@code null} when unknown. */
  public String getLastMessageId() {
    return lastMessageId;
  }

  /** Its date (IMAP: the time of receipt; POP3: its Date header), or {@code null}. */
  public Instant getLastDate() {
    return lastDate == null ? null : lastDate.toInstant();
  }
}
