package org.syncpost.email.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;

/**
 * An email's To, Cc and Bcc lists. Stored one address per line: a comma may stand inside a display
 * name. Immutable; a part whose lists are all empty is loaded by EclipseLink as {@code null}, and
 * {@link EmailRecord} answers the empty part then.
 */
@Embeddable
public class Recipients {

  static final String ADDRESS_SEPARATOR = "\n";

  @Column(name = "to_addresses")
  private String to;

  @Column(name = "cc_addresses")
  private String cc;

  @Column(name = "bcc_addresses")
  private String bcc;

  protected Recipients() {}

  Recipients(EmailContent content) {
    this.to = joined(content.to());
    this.cc = joined(content.cc());
    this.bcc = joined(content.bcc());
  }

  private static String joined(List<String> addresses) {
    return addresses.isEmpty() ? null : String.join(ADDRESS_SEPARATOR, addresses);
  }

  private static List<String> split(String addresses) {
    return addresses == null ? List.of() : Arrays.asList(addresses.split(ADDRESS_SEPARATOR));
  }

  public List<String> getTo() {
    return split(to);
  }

  public List<String> getCc() {
    return split(cc);
  }

  public List<String> getBcc() {
    return split(bcc);
  }
}
