package org.syncpost.mailserver.entity;

import jakarta.ejb.ApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.syncpost.crypto.entity.Secret;

/**
 * Talking to a mail server failed. Carries the {@link FailureCause}, the server concerned (never
 * credentials), a plain-words message ({@link #getMessage()}) and a technical detail (exception
 * classes and messages) for the alert's details.
 *
 * <p>Does not roll back: a failing remote server is no reason to undo local bookkeeping, and the
 * caller records the failure (status, alert) in the same transaction.
 *
 * <p>Secrets: message and detail are scrubbed of the password (and of its Base64 forms, which is
 * how SASL PLAIN and LOGIN send it). The original exception is kept as the cause only when its
 * messages did not contain the password, so a stack trace printed later cannot leak it either.
 */
@ApplicationException(rollback = false)
public class MailServerFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_DETAIL = 2000;
  private static final String HIDDEN = "****";

  private final FailureCause failureCause;
  private final String endpoint;
  private final String technicalDetail;

  private MailServerFailure(
      FailureCause failureCause,
      String endpoint,
      String message,
      String technicalDetail,
      Throwable original) {
    super(message, original);
    this.failureCause = failureCause;
    this.endpoint = endpoint;
    this.technicalDetail = technicalDetail;
  }

  /**
   * A failure while talking to {@code server}.
   *
   * @param what the folder, address or reason concerned, for the sentence; or {@code null}
   * @param original the exception as thrown, or {@code null}
   */
  public static MailServerFailure of(
      FailureCause cause, Endpoint server, String what, Throwable original) {
    return of(cause, server.describe(), what, original, server.username(), server.password());
  }

  /** A failure found before any connection: no secret can be involved. */
  public static MailServerFailure of(
      FailureCause cause, String server, String what, String technicalDetail) {
    return new MailServerFailure(
        cause, server, cause.describe(server, what), truncate(technicalDetail), null);
  }

  /**
   * A failure with the credentials it happened under, so that they can be kept out of message and
   * detail.
   */
  public static MailServerFailure of(
      FailureCause cause,
      String server,
      String what,
      Throwable original,
      String username,
      Secret password) {
    String rawDetail = original == null ? "" : detailOf(original);
    String detail = scrub(rawDetail, username, password);
    String message = scrub(cause.describe(server, what), username, password);
    boolean originalIsClean = detail.equals(rawDetail);
    return new MailServerFailure(
        cause, server, message, truncate(detail), originalIsClean ? original : null);
  }

  /** Exception class and message of {@code thrown} and each of its causes. */
  public static String detailOf(Throwable thrown) {
    StringBuilder detail = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (detail.length() > 0) {
        detail.append("; caused by ");
      }
      detail.append(t.getClass().getName());
      if (t.getMessage() != null) {
        detail.append(": ").append(t.getMessage().strip());
      }
    }
    return detail.toString();
  }

  /** {@code text} without the password, in clear or Base64 (as SASL PLAIN and LOGIN send it). */
  public static String scrub(String text, String username, Secret password) {
    if (text == null || password == null || password.reveal().isEmpty()) {
      return text;
    }
    String clear = password.reveal();
    String scrubbed = text.replace(clear, HIDDEN).replace(base64(clear), HIDDEN);
    if (username != null) {
      scrubbed = scrubbed.replace(base64("\0" + username + "\0" + clear), HIDDEN);
    }
    return scrubbed;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String truncate(String text) {
    if (text == null || text.length() <= MAX_DETAIL) {
      return text;
    }
    return text.substring(0, MAX_DETAIL - 1) + "…";
  }

  public FailureCause failureCause() {
    return failureCause;
  }

  /** {@code IMAP server imap.example.com:993}, or what stood for it. */
  public String endpoint() {
    return endpoint;
  }

  /** Exception classes and messages, scrubbed of secrets, at most 2,000 characters. */
  public String technicalDetail() {
    return technicalDetail;
  }

  public String advice() {
    return failureCause.advice();
  }

  /**
   * What to do for a direction this failure disabled: the advice, then test &amp; enable — except
   * for {@code CONNECT_AGAIN}, where connecting the mailbox again tests and enables it.
   */
  public String adviceToEnableAgain() {
    return failureCause == FailureCause.CONNECT_AGAIN
        ? advice()
        : advice() + " Then test & enable the mailbox again.";
  }

  public boolean isTransient() {
    return failureCause.isTransient();
  }
}
