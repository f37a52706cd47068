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
        .add("incomingDeliveryMethod", m.getIncomingDeliveryMethod())
        .add("outgoingDeliveryMethod", m.getOutgoingDeliveryMethod())
        .add("appointmentsDeliveryMethod", m.getAppointmentsDeliveryMethod())
        .add("username", m.getUsername())
        .add("passwordSet", m.isPasswordSet())
        .add("allowCredentialUse", m.isAllowCredentialUse())
        .add("approvalStatus", m.getApprovalStatus())
        .add("approvalDecidedBy", m.getApprovalDecidedBy())
        .add("approvalDecidedOn", m.getApprovalDecidedOn())
        .add("enabledForIncoming", m.isEnabledForIncoming())
        .add("enabledForOutgoing", m.isEnabledForOutgoing())
        .add("incomingStatus", m.getIncomingStatus())
        .add("outgoingStatus", m.getOutgoingStatus())
        .add("appointmentsStatus", m.getAppointmentsStatus())
        .add("testCompletedOn", m.getTestCompletedOn())
        .add("testAttemptedBy", m.getTestAttemptedBy())
        .add("testAttemptedOn", m.getTestAttemptedOn())
        .add("processEmailReceivedAfter", m.getProcessEmailReceivedAfter())
        .add("actionAfterProcessing", m.getActionAfterProcessing())
        .add("moveToFolder", m.getMoveToFolder())
        .add("folders", m.getFolders())
        .add("copyToSentFolder", m.isCopyToSentFolder())
        .add("sentFolder", m.getSentFolder())
        .add("pushIncomingEmail", m.getPushIncomingEmail())
        .add("pushStatus", m.getPushStatus())
        .add("pushStatusText", m.getPushStatusText())
        .add("nextIncomingPollAt", m.getNextIncomingPollAt())
        .add("lastSyncStartedOn", m.getLastSyncStartedOn())
        .add("lastSyncSucceededOn", m.getLastSyncSucceededOn())
        .add("itemsProcessedLastCycle", m.getItemsProcessedLastCycle())
        .add("itemsFailedLastCycle", m.getItemsFailedLastCycle())
        .add("lastErrorCode", m.getLastErrorCode())
        .add("lastErrorText", m.getLastErrorText())
        .add("consecutiveErrors", m.getConsecutiveErrors())
        .add("skippedBeforeProcessFrom", m.getProcessFromSkips().getCount())
        .add("lastSkippedMessageId", m.getProcessFromSkips().getLastMessageId())
        .add("lastSkippedDate", m.getProcessFromSkips().getLastDate())
        .add("incomingDisabledByPolicy", m.isIncomingDisabledByPolicy())
        .add("incomingRetestAt", m.getIncomingRetestAt())
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
