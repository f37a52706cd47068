package org.syncpost.mailserver.entity;

import java.util.Objects;

/**
 * The message an outgoing test may send from a mailbox to itself, so that its owner sees that
 * SyncPost can send (and, once incoming runs, receive) for it.
 *
 * @param address the mailbox's email address: sender and recipient
 * @param mailboxName shown in the text
 */
public record ConfirmationMessage(String address, String mailboxName) {

  public static final String SUBJECT = "Your mailbox is now connected to SyncPost";

  public ConfirmationMessage {
    Objects.requireNonNull(address, "address");
  }

  public String subject() {
    return SUBJECT;
  }

  public String text() {
    String name = mailboxName == null || mailboxName.isBlank() ? address : mailboxName;
    return "Hello,\r\n\r\n"
        + "SyncPost has connected to the mailbox "
        + name
        + " <"
        + address
        + "> and sent this message through its outgoing (SMTP) server.\r\n"
        + "Email for this mailbox is now synchronised by SyncPost; you do not need to do"
        + " anything.\r\n\r\n"
        + "This message was generated automatically; please do not reply.\r\n";
  }
}
