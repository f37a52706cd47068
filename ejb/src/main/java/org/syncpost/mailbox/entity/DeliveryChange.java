package org.syncpost.mailbox.entity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.syncpost.settings.entity.DeliveryMethod;

/** "Edit" of several mailboxes at once: the same profile and delivery methods for all of them. */
public record DeliveryChange(
    @NotEmpty(message = "select at least one mailbox")
        @Size(max = 10_000, message = "at most 10,000 mailboxes at once")
        List<Long> mailboxIds,
    Long profileId,
    @NotNull(message = "choose NONE or SERVER_SIDE_SYNC") DeliveryMethod incomingDeliveryMethod,
    @NotNull(message = "choose NONE or SERVER_SIDE_SYNC") DeliveryMethod outgoingDeliveryMethod,
    @NotNull(message = "choose NONE") DeliveryMethod appointmentsDeliveryMethod) {}
