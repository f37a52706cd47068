package org.syncpost.email.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.EmailRecord;

/** The public JSON contract of an email record. */
public final class EmailJson {

  private EmailJson() {}

  public static JsonObject of(EmailRecord e) {
    JsonArrayBuilder receiving = JSON.createArrayBuilder();
    e.getReceivingMailboxes().stream().map(m -> m.getId()).sorted().forEach(receiving::add);
    JsonArrayBuilder attachments = JSON.createArrayBuilder();
    for (Attachment a : e.getAttachments()) {
      attachments.add(
          new JsonOutput()
              .add("name", a.getFileName())
              .add("contentType", a.getContentType())
              .add("size", a.getSize())
              .add("inline", a.isInline())
              .add("omittedReason", a.getOmittedReason())
              .build());
    }
    return new JsonOutput()
        .tracked(e)
        .add("direction", e.getDirection())
        .add("status", e.getStatus())
        .add("subject", e.getSubject())
        .add("from", e.getFrom())
        .add("to", strings(e.getTo()))
        .add("cc", strings(e.getCc()))
        .add("bcc", strings(e.getBcc()))
        .add("textBody", e.getTextBody())
        .add("htmlBody", e.getHtmlBody())
        .add("messageId", e.getMessageId())
        .add("inReplyTo", e.getInReplyTo())
        .add("references", strings(e.getReferences()))
        .add("trackingToken", e.getTrackingToken())
        .add("conversationId", e.getConversationId())
        .add("correlationMethod", e.getCorrelationMethod())
        .add("autoSubmitted", e.isAutoSubmitted())
        .add("receivedOn", e.getReceivedOn())
        .add("sentOn", e.getSentOn())
        .add("sendAt", e.getSendAt())
        .add("nextAttemptAt", e.getNextAttemptAt())
        .add("deliveryAttempts", e.getDeliveryAttempts())
        .add("lastError", e.getLastDeliveryError())
        // outgoing: each recipient's outcome from delivery status notifications (issue 16)
        .add("deliveryReport", strings(e.getDeliveryReport()))
        // received: S/MIME signature state and signer, encryption (issue 16)
        .add("signature", e.getProtection().signature())
        .add("signer", e.getProtection().signer())
        .add("encryption", e.getProtection().encryption())
        .add("senderMailboxId", e.getSenderMailbox() == null ? null : e.getSenderMailbox().getId())
        .add("receivingMailboxIds", receiving.build())
        .add("attachments", attachments.build())
        .build();
  }

  private static jakarta.json.JsonArray strings(List<String> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array.build();
  }
}
