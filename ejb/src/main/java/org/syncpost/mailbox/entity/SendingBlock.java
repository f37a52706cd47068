package org.syncpost.mailbox.entity;

import java.util.Optional;
import org.syncpost.settings.entity.OrganisationSettings;

/** Why a mailbox cannot send now, in plain words for the record and the alert. */
public final class SendingBlock {

  private SendingBlock() {}

  /** The first reason {@code mailbox} cannot send now; empty when it can. */
  public static Optional<String> of(Mailbox mailbox, OrganisationSettings organisation) {
    if (!mailbox.processesOutgoing()) {
      return Optional.of("its outgoing email is not set to server-side synchronization");
    }
    if (!mailbox.isApprovedFor(organisation)) {
      return Optional.of(
          "its email address "
              + mailbox.getEmail()
              + " is not approved, and the organisation sends email only for approved mailboxes");
    }
    if (!mailbox.getOutgoing().isEnabled()) {
      return Optional.of(
          "it is not enabled for outgoing email (it has not passed test & enable, or sending failed"
              + " and disabled it)");
    }
    return Optional.empty();
  }
}
