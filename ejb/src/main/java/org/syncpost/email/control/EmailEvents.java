package org.syncpost.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.event.control.EventOutbox;
import org.syncpost.event.entity.EventType;
import org.syncpost.json.JsonProviders;

/**
 * The events of an email record, written in the transaction that changed it (ADR 0020): ids and
 * states only, never the subject, addresses or contents — a receiver reads the record over the API
 * with its own rights.
 */
@ApplicationScoped
public class EmailEvents {

  @Inject EventOutbox outbox;

  /**
   * A new record of an email that arrived in {@code mailboxId}; written when the incoming ledger
   * flushes its batch (it always does before it returns).
   */
  public void received(EmailRecord record, long mailboxId) {
    outbox.recordForLedger(
        EventType.EMAIL_RECEIVED, about(record).add("mailboxId", mailboxId).build());
  }

  public void sent(EmailRecord record) {
    outbox.record(EventType.EMAIL_SENT, fromSender(record).build());
  }

  /**
   * Emails recorded {@code SENT} by one statement, without loading their entities: the same event
   * as {@link #sent(EmailRecord)} for each, written together.
   */
  public void sent(List<SentRecord> records) {
    outbox.recordAll(
        EventType.EMAIL_SENT,
        records.stream()
            .map(
                r ->
                    withSender(
                            about(r.emailId(), EmailStatus.SENT.name(), r.messageId()),
                            r.senderMailboxId())
                        .build())
            .toList());
  }

  /** What the event of a sent email says about it. */
  public record SentRecord(long emailId, String messageId, Long senderMailboxId) {}

  public void failed(EmailRecord record) {
    outbox.record(EventType.EMAIL_FAILED, fromSender(record).build());
  }

  /** Every recipient's delivery failed, as delivery status notifications said (RFC 3464). */
  public void bounced(EmailRecord record) {
    outbox.record(EventType.EMAIL_BOUNCED, fromSender(record).build());
  }

  private static JsonObjectBuilder fromSender(EmailRecord record) {
    return withSender(
        about(record),
        record.getSenderMailbox() == null ? null : record.getSenderMailbox().getId());
  }

  private static JsonObjectBuilder withSender(JsonObjectBuilder data, Long senderMailboxId) {
    return senderMailboxId == null ? data : data.add("mailboxId", senderMailboxId);
  }

  private static JsonObjectBuilder about(EmailRecord record) {
    return about(record.getId(), record.getStatus().name(), record.getMessageId());
  }

  private static JsonObjectBuilder about(long emailId, String status, String messageId) {
    JsonObjectBuilder data =
        JsonProviders.JSON.createObjectBuilder().add("emailId", emailId).add("status", status);
    if (messageId != null) {
      data.add("messageId", messageId);
    }
    return data;
  }
}
