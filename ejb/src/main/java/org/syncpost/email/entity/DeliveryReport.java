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

    /**
     * One line for the record, in words before codes: {@code bob@example.org: not delivered, the
     * address does not exist (5.1.1; 550 5.1.1 User unknown)}. The words come from the RFC 3463
     * status code, which every server sends alike; its diagnostic follows as it wrote it.
     */
    public String line() {
      StringBuilder line = new StringBuilder(recipient == null ? "(unknown recipient)" : recipient);
      line.append(": ").append(actionInWords());
      String meaning = failed() ? EnhancedStatusCode.meaning(status) : null;
      if (meaning != null) {
        line.append(", ").append(meaning);
      }
      List<String> details = new java.util.ArrayList<>();
      if (status != null) {
        details.add(status);
      }
      if (diagnostic != null && !diagnostic.isBlank()) {
        details.add(diagnostic.strip());
      }
      if (!details.isEmpty()) {
        line.append(" (").append(String.join("; ", details)).append(')');
      }
      return line.toString();
    }

    /** RFC 3464 §2.3.3's actions. */
    private String actionInWords() {
      if (action == null) {
        return "no outcome given";
      }
      return switch (action) {
        case "failed" -> "not delivered";
        case "delayed" -> "delayed, the mail server keeps trying";
        case "delivered" -> "delivered";
        case "relayed" -> "passed on to a mail system that sends no reports";
        case "expanded" -> "delivered and passed on to further recipients";
        default -> action;
      };
    }
  }
}
