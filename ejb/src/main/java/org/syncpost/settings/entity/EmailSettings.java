package org.syncpost.settings.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The organisation's email settings as an administrator enters them. {@code disabledRetestMinutes}:
 * how long after the error policy disabled a mailbox's incoming email SyncPost tests its server
 * again (doubling each time it still fails, up to 8 hours). {@code incomingFilter}: which received
 * mail becomes records in mailboxes whose user or queue has no filtering method of its own.
 */
public record EmailSettings(
    Long defaultProfileId,
    @NotNull(message = "choose NONE or SERVER_SIDE_SYNC") DeliveryMethod incomingDeliveryMethod,
    @NotNull(message = "choose NONE or SERVER_SIDE_SYNC") DeliveryMethod outgoingDeliveryMethod,
    @NotNull(message = "choose NONE") DeliveryMethod appointmentsDeliveryMethod,
    @NotNull Boolean requireApprovalForUserEmail,
    @NotNull Boolean requireApprovalForQueueEmail,
    @NotNull Boolean allowCredentialsEntryOverHttp,
    @NotNull Boolean allowNonSslEmail,
    @NotNull Boolean correlationEnabled,
    @NotNull
        @Size(min = 1, max = 20, message = "must be 1 to 20 characters")
        @Pattern(regexp = "[A-Za-z0-9-]*", message = "may use letters, digits and '-' only")
        String trackingTokenPrefix,
    @NotNull
        @Min(value = 0, message = "must be between 0 and 1048576 KB")
        @Max(value = 1_048_576, message = "must be between 0 and 1048576 KB")
        Integer maxAttachmentSizeKb,
    @NotNull
        @Min(value = 1, message = "must be between 1 and 2048 MB")
        @Max(value = 2048, message = "must be between 1 and 2048 MB")
        Integer maxIncomingMessageSizeMb,
    @NotNull
        @Min(value = 0, message = "must be between 0 and 100")
        @Max(value = 100, message = "must be between 0 and 100")
        Integer transientRetryCount,
    @NotNull
        @Min(value = 1, message = "must be between 1 and 1440 minutes")
        @Max(value = 1440, message = "must be between 1 and 1440 minutes")
        Integer transientRetryIntervalMinutes,
    @NotNull
        @Min(value = 1, message = "must be between 1 and 1440 minutes")
        @Max(value = 1440, message = "must be between 1 and 1440 minutes")
        Integer disabledRetestMinutes,
    @NotNull Boolean raiseInformationAlerts,
    @NotNull Boolean raiseWarningAlerts,
    @NotNull Boolean raiseErrorAlerts,
    @NotNull(message = "choose ALL_EMAIL, RESPONSES_TO_OUR_EMAIL, KNOWN_CORRESPONDENTS or NONE")
        IncomingFilter incomingFilter) {}
