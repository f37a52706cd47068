package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The automatic messages loop protection kept out of a mailbox's records (issue 16): more than the
 * limit from one sender in one day. They stay on the mail server untouched. Written by the incoming
 * engine in one update statement per batch; read by the mailbox page and REST.
 */
@Embeddable
public class HeldAsLoop {

  @Column(name = "held_as_loop", nullable = false)
  private long count;

  @Column(name = "last_loop_sender", length = 320)
  private String lastSender;

  public long getCount() {
    return count;
  }

  /** The address of the last sender held, or {@code null}. */
  public String getLastSender() {
    return lastSender;
  }
}
