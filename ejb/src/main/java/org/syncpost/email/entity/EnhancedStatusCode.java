package org.syncpost.email.entity;

import java.util.Map;

/**
 * An RFC 3463 enhanced mail system status code ({@code class.subject.detail}, e.g. {@code 5.1.1})
 * in the words an administrator reads on a bounced email: the mail servers' diagnostic texts vary
 * ("User unknown", "User doesn't exist", "No such user here"), the codes do not.
 */
public final class EnhancedStatusCode {

  /** RFC 3463 §3 (with RFC 3886's 7.x additions and RFC 7505's null MX). */
  private static final Map<String, String> DETAILS =
      Map.ofEntries(
          Map.entry("1.1", "the address does not exist"),
          Map.entry("1.2", "the recipient's domain does not exist or accepts no mail"),
          Map.entry("1.3", "the address is not valid"),
          Map.entry("1.4", "the address is ambiguous"),
          Map.entry("1.6", "the recipient has moved"),
          Map.entry("1.10", "the recipient's domain accepts no mail"),
          Map.entry("2.1", "the recipient's mailbox is disabled"),
          Map.entry("2.2", "the recipient's mailbox is full"),
          Map.entry("2.3", "the message is too large for the recipient's mailbox"),
          Map.entry("2.4", "the mailing list could not be expanded"),
          Map.entry("3.1", "the recipient's mail system is full"),
          Map.entry("3.2", "the recipient's mail system does not accept mail now"),
          Map.entry("3.4", "the message is too large for the recipient's mail system"),
          Map.entry("4.1", "the recipient's mail server did not answer"),
          Map.entry("4.2", "the connection to the recipient's mail server broke off"),
          Map.entry("4.4", "no route to the recipient's mail server was found"),
          Map.entry("4.6", "the message went round in a loop"),
          Map.entry("4.7", "the message could not be delivered in time"),
          Map.entry("6.3", "the message's content could not be converted"),
          Map.entry("7.1", "the recipient's mail server refused the message (policy)"),
          Map.entry("7.26", "the message failed the recipient's sender authentication checks"));

  /** When only the subject is known (RFC 3463 §3: X.n.0). */
  private static final Map<String, String> SUBJECTS =
      Map.of(
          "1", "the address was refused",
          "2", "the recipient's mailbox could not take the message",
          "3", "the recipient's mail system could not take the message",
          "4", "the network or routing failed",
          "5", "the mail servers did not understand each other",
          "6", "the message's content was refused",
          "7", "the recipient's mail server refused the message (security or policy)");

  private EnhancedStatusCode() {}

  /**
   * What {@code code} means, e.g. {@code "the address does not exist"}; {@code null} for a code
   * that is not one (or none).
   */
  public static String meaning(String code) {
    if (code == null) {
      return null;
    }
    String[] parts = code.strip().split("\\.");
    if (parts.length != 3 || !parts[0].matches("[245]") || !parts[1].matches("\\d{1,3}")) {
      return null;
    }
    if (parts[0].equals("2")) {
      return "delivered";
    }
    String detail = DETAILS.get(parts[1] + "." + parts[2]);
    if (detail != null) {
      return detail;
    }
    return SUBJECTS.getOrDefault(parts[1], "the mail system gave no reason");
  }
}
