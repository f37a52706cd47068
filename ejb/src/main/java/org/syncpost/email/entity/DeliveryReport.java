package org.syncpost.email.entity;

import java.util.List;

/**
 * What a delivery status notification (RFC 3464, {@code multipart/report;
 * report-type=delivery-status}) says about an email: which one (the original's Message-ID, and the
 * tracking token its subject carried, when the report quotes them) and, for each recipient, what
 * happened.
 *
 * @param originalMessageId the Message-ID of the reported email, or {@code null} when the report
 *     does not quote its headers
 * @param originalSubject its subject, or {@code null}
 */
public record DeliveryReport(
    String originalMessageId, String originalSubject, List<RecipientOutcome> recipients) {

  public DeliveryReport {
    recipients = List.copyOf(recipients);
  }

  /** The recipients that will never receive it ({@code Action: failed}). */
  public List<RecipientOutcome> failed() {
    return recipients.stream().filter(RecipientOutcome::failed).toList();
  }

  /**
   * One recipient's block of the report (RFC 3464 §2.3).
   *
   * @param recipient the bare address of Final-Recipient (or Original-Recipient)
   * @param action {@code failed}, {@code delayed}, {@code delivered}, {@code relayed} or {@code
   *     expanded}, lower case
   * @param status the RFC 3463 status code, e.g. {@code 5.1.1}, or {@code null}
   * @param diagnostic the remote server's Diagnostic-Code text, or {@code null}
   */
  public record RecipientOutcome(
      String recipient, String action, String status, String diagnostic) {

    public boolean failed() {
      return "failed".equals(action);
    }

    /** One line for the record: {@code recipient: 5.1.1 (the server's words)}. */
    public String line() {
      StringBuilder line = new StringBuilder(recipient == null ? "(unknown recipient)" : recipient);
      line.append(": ").append(status == null ? action : status);
      if (diagnostic != null && !diagnostic.isBlank()) {
        line.append(" (").append(diagnostic.strip()).append(')');
      }
      return line.toString();
    }
  }
}
