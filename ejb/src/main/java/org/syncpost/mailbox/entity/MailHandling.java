package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What SyncPost does with a mailbox's mail: which folders it reads, from when, what it does with a
 * processed message, and where a copy of sent mail goes. Immutable.
 */
@Embeddable
public class MailHandling {

  public static final String DEFAULT_FOLDERS = "INBOX";
  public static final String DEFAULT_SENT_FOLDER = "Sent";

  @Column(name = "process_email_received_after")
  private Instant processEmailReceivedAfter;

  @Enumerated(EnumType.STRING)
  @Column(name = "action_after_processing", nullable = false, length = 20)
  private ActionAfterProcessing actionAfterProcessing = ActionAfterProcessing.NONE;

  @Column(name = "move_to_folder", length = 1000)
  private String moveToFolder;

  @Column(name = "folders", nullable = false, length = 2000)
  private String folders = DEFAULT_FOLDERS;

  /** After SMTP accepted a message, a copy goes into this IMAP folder (RFC 3501 APPEND). */
  @Column(name = "copy_to_sent_folder", nullable = false)
  private boolean copyToSentFolder;

  @Column(name = "sent_folder", length = 255)
  private String sentFolder;

  protected MailHandling() {}

  /** The defaults of a new mailbox: its INBOX, everything, left as it is. */
  public static MailHandling defaults() {
    return new MailHandling();
  }

  /** As an administrator set it; the folder to move to only with {@code MOVE_TO}. */
  public static MailHandling of(MailboxSettings settings) {
    MailHandling handling = new MailHandling();
    handling.processEmailReceivedAfter = settings.processEmailReceivedAfter();
    handling.actionAfterProcessing = settings.actionAfterProcessing();
    handling.moveToFolder =
        settings.actionAfterProcessing() == ActionAfterProcessing.MOVE_TO
            ? settings.moveToFolder().strip()
            : null;
    handling.folders = String.join(",", split(settings.folders()));
    handling.copyToSentFolder = Boolean.TRUE.equals(settings.copyToSentFolder());
    handling.sentFolder =
        settings.sentFolder() == null || settings.sentFolder().isBlank()
            ? null
            : settings.sentFolder().strip();
    return handling;
  }

  public List<String> folderList() {
    return split(folders);
  }

  private static List<String> split(String folders) {
    return Arrays.stream(folders.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
  }

  public Instant getProcessEmailReceivedAfter() {
    return processEmailReceivedAfter;
  }

  public ActionAfterProcessing getActionAfterProcessing() {
    return actionAfterProcessing;
  }

  /** The folder processed email is moved to; only with {@link ActionAfterProcessing#MOVE_TO}. */
  public String getMoveToFolder() {
    return moveToFolder;
  }

  public String getFolders() {
    return folders;
  }

  public boolean isCopyToSentFolder() {
    return copyToSentFolder;
  }

  /** The folder sent email is copied into: as set, or {@value #DEFAULT_SENT_FOLDER}. */
  public String getSentFolder() {
    return sentFolder == null ? DEFAULT_SENT_FOLDER : sentFolder;
  }
}
