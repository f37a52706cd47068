package org.syncpost.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.event.control.EventOutbox;
import org.syncpost.event.entity.EventType;

/**
 * The events of an email record, written in the transaction that changed it (ADR 0020): ids and
 * states only, never the subject, addresses or contents — a receiver reads the record over the API
 * with its own rights.
 */
@ApplicationScoped
public class EmailEvents {

  /**
   * Looked up once: {@code Json.createObjectBuilder()} asks the ServiceLoader for the provider on
   * every call, which scans the application's jars (a tenth of ingestion's CPU, issue 19).
   */
  private static final JsonProvider JSON = JsonProvider.provider();

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

  public void failed(EmailRecord record) {
    outbox.record(EventType.EMAIL_FAILED, fromSender(record).build());
  }

  /** Every recipient's delivery failed, as delivery status notifications said (RFC 3464). */
  public void bounced(EmailRecord record) {
    outbox.record(EventType.EMAIL_BOUNCED, fromSender(record).build());
  }

  private static JsonObjectBuilder fromSender(EmailRecord record) {
    JsonObjectBuilder data = about(record);
    if (record.getSenderMailbox() != null) {
      data.add("mailboxId", record.getSenderMailbox().getId());
    }
    return data;
  }

  private static JsonObjectBuilder about(EmailRecord record) {
    JsonObjectBuilder data =
        JSON.createObjectBuilder()
            .add("emailId", record.getId())
            .add("status", record.getStatus().name());
    if (record.getMessageId() != null) {
      data.add("messageId", record.getMessageId());
    }
    return data;
  }
}
