package org.syncpost.container;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailRecord;

/**
 * The received records of a mailbox as one line each — subject, how it was correlated and the id of
 * its conversation — read inside a transaction, where the lazy conversation can be loaded.
 */
@Stateless
@PermitAll
public class ReceivedRecords {

  @Inject Emails emails;

  /** Subject, S/MIME signature state, signer and encryption of each received record. */
  public List<String> protections(long mailboxId) {
    return received(mailboxId)
        .map(
            e ->
                e.getSubject()
                    + " | "
                    + e.getProtection().signature()
                    + " | "
                    + e.getProtection().signer()
                    + " | "
                    + e.getProtection().encryption())
        .toList();
  }

  /** Subject and attachment names, in order, of each received record. */
  public List<String> attachments(long mailboxId) {
    return received(mailboxId)
        .map(
            e ->
                e.getSubject()
                    + " | "
                    + String.join(
                        ", ",
                        e.getAttachments().stream()
                            .map(org.syncpost.email.entity.Attachment::getFileName)
                            .toList()))
        .toList();
  }

  public List<String> of(long mailboxId) {
    return received(mailboxId)
        .map(
            e ->
                e.getSubject()
                    + " | "
                    + e.getCorrelationMethod()
                    + " | "
                    + (e.getConversationId().equals(e.getId()) ? "-" : e.getConversationId()))
        .toList();
  }

  /** The mailbox's received records, oldest first. */
  private Stream<EmailRecord> received(long mailboxId) {
    return emails
        .list(new EmailFilter(mailboxId, Direction.INCOMING, null, null, null, null), 0, 1000)
        .stream()
        .sorted(Comparator.comparing(EmailRecord::getId));
  }
}
