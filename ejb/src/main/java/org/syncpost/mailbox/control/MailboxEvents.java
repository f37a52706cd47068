package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.syncpost.event.control.EventOutbox;
import org.syncpost.event.entity.EventType;
import org.syncpost.json.JsonProviders;
import org.syncpost.mailbox.entity.Mailbox;

/**
 * {@code mailbox.enabled} and {@code mailbox.disabled}, per direction, written in the transaction
 * that changed the mailbox (ADR 0020): the caller takes the {@link Enablement} before the change
 * and hands it back after it.
 */
@ApplicationScoped
public class MailboxEvents {

  @Inject EventOutbox outbox;

  /** Which directions of a mailbox were enabled. */
  public record Enablement(boolean incoming, boolean outgoing) {

    public static Enablement of(Mailbox mailbox) {
      return new Enablement(mailbox.getIncoming().isEnabled(), mailbox.getOutgoing().isEnabled());
    }
  }

  /** An event per direction whose enablement changed since {@code before}. */
  public void announceChanges(Mailbox mailbox, Enablement before) {
    Enablement now = Enablement.of(mailbox);
    announce(mailbox, "incoming", before.incoming(), now.incoming());
    announce(mailbox, "outgoing", before.outgoing(), now.outgoing());
  }

  private void announce(Mailbox mailbox, String direction, boolean was, boolean is) {
    if (was == is) {
      return;
    }
    var data =
        JsonProviders.JSON
            .createObjectBuilder()
            .add("mailboxId", mailbox.getId())
            .add("direction", direction);
    if (!is && mailbox.getLastError() != null && mailbox.getLastError().getCode() != null) {
      data.add("reason", mailbox.getLastError().getCode());
    }
    outbox.record(is ? EventType.MAILBOX_ENABLED : EventType.MAILBOX_DISABLED, data.build());
  }
}
