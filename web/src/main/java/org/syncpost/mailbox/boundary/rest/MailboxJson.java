package org.syncpost.mailbox.boundary.rest;

import jakarta.json.JsonObject;
import java.util.Set;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.mailbox.entity.ActionAfterProcessing;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.MailboxSettings;
import org.syncpost.mailbox.entity.PushSetting;
import org.syncpost.settings.entity.DeliveryMethod;

/** The public JSON contract of a mailbox. The password goes in, never out. */
final class MailboxJson {

  static final Set<String> FIELDS =
      Set.of(
          "id",
          "version",
          "createdOn",
          "modifiedOn",
          "modifiedBy",
          "name",
          "email",
          "ownerId",
          "userId",
          "queueId",
          "profileId",
          "incomingDeliveryMethod",
          "outgoingDeliveryMethod",
          "appointmentsDeliveryMethod",
          "username",
          "password",
          "passwordSet",
          "allowCredentialUse",
          "approvalStatus",
          "approvalDecidedBy",
          "approvalDecidedOn",
          "enabledForIncoming",
          "enabledForOutgoing",
          "incomingStatus",
          "outgoingStatus",
          "appointmentsStatus",
          "testCompletedOn",
          "testAttemptedBy",
          "testAttemptedOn",
          "processEmailReceivedAfter",
          "actionAfterProcessing",
          "moveToFolder",
          "folders",
          "copyToSentFolder",
          "sentFolder",
          "pushIncomingEmail",
          "pushStatus",
          "pushStatusText",
          "nextIncomingPollAt",
          "lastSyncStartedOn",
          "lastSyncSucceededOn",
          "itemsProcessedLastCycle",
          "itemsFailedLastCycle",
          "lastErrorCode",
          "lastErrorText",
          "consecutiveErrors",
          "skippedBeforeProcessFrom",
          "lastSkippedMessageId",
          "lastSkippedDate",
          "filteredOut",
          "lastFilteredMessageId",
          "lastFilteredFrom",
          "lastFilteredDate",
          "heldAsLoop",
          "lastLoopSender",
          "incomingDisabledByPolicy",
          "incomingRetestAt",
          "active",
          "protocolTrace");

  private MailboxJson() {}

  static JsonObject of(Mailbox m) {
    return new JsonOutput()
        .tracked(m)
        .add("name", m.getName())
        .add("email", m.getEmail())
        .add("ownerId", m.getOwner() == null ? null : m.getOwner().getId())
        .add("userId", m.getRegardingUser() == null ? null : m.getRegardingUser().getId())
        .add("queueId", m.getRegardingQueue() == null ? null : m.getRegardingQueue().getId())
        .add("profileId", m.getProfile() == null ? null : m.getProfile().getId())
        .add("incomingDeliveryMethod", m.getDelivery().getIncoming())
        .add("outgoingDeliveryMethod", m.getDelivery().getOutgoing())
        .add("appointmentsDeliveryMethod", m.getDelivery().getAppointments())
        .add("username", m.getCredentials().getUsername())
        .add("passwordSet", m.getCredentials().isPasswordSet())
        .add("allowCredentialUse", m.getCredentials().isAllowUse())
        .add("approvalStatus", m.getApproval().getStatus())
        .add("approvalDecidedBy", m.getApproval().getDecidedBy())
        .add("approvalDecidedOn", m.getApproval().getDecidedOn())
        .add("enabledForIncoming", m.getIncoming().isEnabled())
        .add("enabledForOutgoing", m.getOutgoing().isEnabled())
        .add("incomingStatus", m.getIncoming().getStatus())
        .add("outgoingStatus", m.getOutgoing().getStatus())
        .add("appointmentsStatus", m.getAppointmentsStatus())
        .add("testCompletedOn", m.getTestAttempt().getCompletedOn())
        .add("testAttemptedBy", m.getTestAttempt().getAttemptedBy())
        .add("testAttemptedOn", m.getTestAttempt().getAttemptedOn())
        .add("processEmailReceivedAfter", m.getHandling().getProcessEmailReceivedAfter())
        .add("actionAfterProcessing", m.getHandling().getActionAfterProcessing())
        .add("moveToFolder", m.getHandling().getMoveToFolder())
        .add("folders", m.getHandling().getFolders())
        .add("copyToSentFolder", m.getHandling().isCopyToSentFolder())
        .add("sentFolder", m.getHandling().getSentFolder())
        .add("pushIncomingEmail", m.getPush().getSetting())
        .add("pushStatus", m.getPush().getStatus())
        .add("pushStatusText", m.getPush().getStatusText())
        .add("nextIncomingPollAt", m.getHealth().getNextPollAt())
        .add("lastSyncStartedOn", m.getHealth().getLastSyncStartedOn())
        .add("lastSyncSucceededOn", m.getHealth().getLastSyncSucceededOn())
        .add("itemsProcessedLastCycle", m.getHealth().getItemsProcessedLastCycle())
        .add("itemsFailedLastCycle", m.getHealth().getItemsFailedLastCycle())
        .add("lastErrorCode", m.getLastError().getCode())
        .add("lastErrorText", m.getLastError().getText())
        .add("consecutiveErrors", m.getLastError().getConsecutive())
        .add("skippedBeforeProcessFrom", m.getProcessFromSkips().getCount())
        .add("lastSkippedMessageId", m.getProcessFromSkips().getLastMessageId())
        .add("lastSkippedDate", m.getProcessFromSkips().getLastDate())
        // left out by the incoming filter: not records, still on the mail server (issue 16)
        .add("filteredOut", m.getFilteredOut().getCount())
        .add("lastFilteredMessageId", m.getFilteredOut().getLastMessageId())
        .add("lastFilteredFrom", m.getFilteredOut().getLastFrom())
        .add("lastFilteredDate", m.getFilteredOut().getLastDate())
        // automatic mail over the loop limit: not records, still on the mail server (issue 16)
        .add("heldAsLoop", m.getHeldAsLoop().getCount())
        .add("lastLoopSender", m.getHeldAsLoop().getLastSender())
        .add("incomingDisabledByPolicy", m.getRetest().isDisabledByPolicy())
        .add("incomingRetestAt", m.getRetest().getRetestAt())
        .add("active", m.isActive())
        .add("protocolTrace", m.isProtocolTrace())
        .build();
  }

  static MailboxSettings settings(JsonInput in) {
    MailboxSettings settings =
        new MailboxSettings(
            in.string("name"),
            in.string("email"),
            in.id("profileId"),
            in.enumValue("incomingDeliveryMethod", DeliveryMethod.class),
            in.enumValue("outgoingDeliveryMethod", DeliveryMethod.class),
            in.enumValue("appointmentsDeliveryMethod", DeliveryMethod.class),
            in.string("username"),
            in.secret("password"),
            in.bool("allowCredentialUse"),
            in.instant("processEmailReceivedAfter"),
            in.enumValue("actionAfterProcessing", ActionAfterProcessing.class),
            in.string("moveToFolder"),
            in.string("folders"),
            in.bool("copyToSentFolder"),
            in.string("sentFolder"),
            in.enumValue("pushIncomingEmail", PushSetting.class));
    in.requireReadable();
    return settings;
  }
}
