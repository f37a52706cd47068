package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The last error a mailbox's incoming or outgoing mail met, and how many errors came in a row.
 * Immutable.
 */
@Embeddable
public class LastError {

  static final int MAX_TEXT = 2000;

  @Column(name = "last_error_code", length = 60)
  private String code;

  @Column(name = "last_error_text", length = MAX_TEXT)
  private String text;

  @Column(name = "consecutive_errors", nullable = false)
  private int consecutive;

  protected LastError() {}

  private LastError(String code, String text, int consecutive) {
    this.code = code;
    this.text = text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    this.consecutive = consecutive;
  }

  /** No error: what a success leaves. */
  public static LastError none() {
    return new LastError(null, null, 0);
  }

  /** Another error in a row. */
  public LastError another(String newCode, String newText) {
    return new LastError(newCode, newText, consecutive + 1);
  }

  /** The error now shown, without counting one more in a row. */
  public LastError shown(String newCode, String newText) {
    return new LastError(newCode, newText, consecutive);
  }

  public String getCode() {
    return code;
  }

  public String getText() {
    return text;
  }

  public int getConsecutive() {
    return consecutive;
  }
}
