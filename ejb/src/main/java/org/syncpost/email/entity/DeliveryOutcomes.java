package org.syncpost.email.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What delivery status notifications (RFC 3464) said about an email SyncPost sent (issue 16): one
 * line per recipient outcome, oldest first, and the recipients reported as failed.
 */
@Embeddable
public class DeliveryOutcomes {

  private static final String SEPARATOR = "\n";

  /** {@code a@b: 5.1.1 (diagnostic)}, one per line; {@code null} while none came. */
  @Column(name = "delivery_report")
  private String lines;

  /** Bare, lower case, one per line. */
  @Column(name = "bounced_recipients")
  private String bounced;

  /**
   * Keeps the report's outcomes.
   *
   * @param recipients the email's recipients as written ({@code "Name" <a@b>} or {@code a@b})
   * @return whether every one of them has now failed
   */
  boolean add(DeliveryReport report, List<String> recipients) {
    List<String> all = new ArrayList<>(split(lines));
    Set<String> failed = new LinkedHashSet<>(split(bounced));
    for (DeliveryReport.RecipientOutcome outcome : report.recipients()) {
      all.add(outcome.line());
      if (outcome.failed() && outcome.recipient() != null) {
        failed.add(outcome.recipient());
      }
    }
    lines = joined(all);
    bounced = joined(List.copyOf(failed));
    return !failed.isEmpty() && failed.containsAll(bare(recipients));
  }

  List<String> lines() {
    return split(lines);
  }

  private static Set<String> bare(List<String> addresses) {
    Set<String> all = new LinkedHashSet<>();
    for (String address : addresses) {
      int open = address.lastIndexOf('<');
      int close = address.lastIndexOf('>');
      String bare = open >= 0 && close > open ? address.substring(open + 1, close) : address;
      all.add(bare.strip().toLowerCase(Locale.ROOT));
    }
    return all;
  }

  private static String joined(List<String> values) {
    return values.isEmpty() ? null : String.join(SEPARATOR, values);
  }

  private static List<String> split(String values) {
    return values == null ? List.of() : Arrays.asList(values.split(SEPARATOR));
  }
}
