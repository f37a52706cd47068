package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The received messages the mailbox's incoming filter left out (issue 16): how many, and the last
 * one's Message-ID, sender and date. They are not records and stay on the mail server untouched.
 * Written by the incoming engine in one update statement per batch; read by the mailbox page and
 * REST.
 */
@Embeddable
public class FilteredOut {

  @Column(name = "filtered_out", nullable = false)
  private long count;

  @Column(name = "last_filtered_message_id", length = 1000)
  private String lastMessageId;

  @Column(name = "last_filtered_from", length = 1000)
  private String lastFrom;

  @Column(name = "last_filtered_date")
  private OffsetDateTime lastDate;

  public long getCount() {
    return count;
  }

  /** The Message-ID of the last message left out, or {@code null} when it had none. */
  public String getLastMessageId() {
    return lastMessageId;
  }

  /** Its From header, or {@code null}. */
  public String getLastFrom() {
    return lastFrom;
  }

  /** When it was received, or {@code null} when the server did not say. */
  public Instant getLastDate() {
    return lastDate == null ? null : lastDate.toInstant();
  }
}
