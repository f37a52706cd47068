package org.syncpost.mailbox.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ServerType;
import org.syncpost.settings.entity.AppointmentsNotSupported;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.validation.entity.Violation;

/**
 * What an administrator sets on a mailbox. A {@code null} password keeps the stored one; a {@code
 * null} profile leaves the mailbox without a server; a {@code null} push setting keeps the stored
 * one. {@code moveToFolder} only with {@code MOVE_TO}.
 */
public record MailboxSettings(
    @NotBlank(message = "enter a name for the mailbox")
        @Size(max = 100, message = "must be at most 100 characters")
        String name,
    @NotBlank(message = "enter the mailbox's email address")
        @Size(max = 320, message = "must be at most 320 characters")
        @Email(message = "is not a valid email address")
        String email,
    Long profileId,
    @NotNull(message = "choose NONE or SERVER_SIDE_SYNC") DeliveryMethod incomingDeliveryMethod,
    @NotNull(message = "choose NONE or SERVER_SIDE_SYNC") DeliveryMethod outgoingDeliveryMethod,
    @NotNull(message = "choose NONE") DeliveryMethod appointmentsDeliveryMethod,
    @Size(max = 320, message = "must be at most 320 characters") String username,
    Secret password,
    @NotNull Boolean allowCredentialUse,
    Instant processEmailReceivedAfter,
    @NotNull(message = "choose NONE, MARK_READ, MOVE_TO or DELETE")
        ActionAfterProcessing actionAfterProcessing,
    @Size(max = 1000, message = "must be at most 1,000 characters")
        @Pattern(regexp = "[^\\r\\n]*", message = "must be one folder name, on one line")
        String moveToFolder,
    @NotBlank(message = "name at least one folder, e.g. INBOX")
        @Size(max = 2000, message = "must be at most 2,000 characters")
        @Pattern(regexp = "[^\\r\\n]*", message = "separate folder names with commas, on one line")
        String folders,
    Boolean copyToSentFolder,
    @Size(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = "[^\\r\\n]*", message = "must be one folder name, on one line")
        String sentFolder,
    PushSetting pushIncomingEmail) {

  /**
   * Rules beyond single fields, for a queue's or a user's mailbox; {@code newProfile} is the
   * profile these settings choose.
   */
  public List<Violation> violationsFor(boolean forQueue, EmailServerProfile newProfile) {
    List<Violation> found = new ArrayList<>();

    if (AppointmentsNotSupported.isRefused(appointmentsDeliveryMethod())) {
      found.add(AppointmentsNotSupported.violation("appointmentsDeliveryMethod"));
    }
    ActionAfterProcessing action = actionAfterProcessing();
    if (action == ActionAfterProcessing.DELETE && !forQueue) {
      found.add(
          new Violation(
              "actionAfterProcessing",
              "only a queue's mailbox may delete processed email from the server; a user's mail"
                  + " stays where it is (choose NONE, MARK_READ or MOVE_TO)"));
    }
    if (action != null
        && !action.isAvailableOverPop3()
        && newProfile != null
        && newProfile.getServerType() == ServerType.POP3_SMTP) {
      found.add(
          new Violation(
              "actionAfterProcessing",
              "a POP3 server has no read flags and no folders: over POP3 a processed message can"
                  + " only be left (NONE) or deleted (DELETE, queues only)"));
    }
    boolean folderNamed = moveToFolder() != null && !moveToFolder().isBlank();
    if (action == ActionAfterProcessing.MOVE_TO && !folderNamed) {
      found.add(
          new Violation(
              "moveToFolder",
              "name the folder processed email is moved to, e.g. Processed (it must exist on the"
                  + " server)"));
    }
    if (action != ActionAfterProcessing.MOVE_TO && folderNamed) {
      found.add(
          new Violation(
              "moveToFolder",
              "a folder to move to is used only with actionAfterProcessing MOVE_TO"));
    }
    return found;
  }
}
