package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Whether a mailbox asks to be pushed new mail (IMAP IDLE), and how listening goes. The status is
 * written by the node that listens (native SQL, no version change): read-only here.
 */
@Embeddable
public class Push {

  @Enumerated(EnumType.STRING)
  @Column(name = "push_incoming_email", nullable = false, length = 20)
  private PushSetting setting = PushSetting.AS_PROFILE;

  @Enumerated(EnumType.STRING)
  @Column(name = "push_status", length = 30, insertable = false, updatable = false)
  private PushStatus status;

  @Column(name = "push_status_text", length = 2000, insertable = false, updatable = false)
  private String statusText;

  protected Push() {}

  private Push(PushSetting setting, PushStatus status, String statusText) {
    this.setting = setting;
    this.status = status;
    this.statusText = statusText;
  }

  /** As its profile says. */
  public static Push asProfile() {
    return new Push(PushSetting.AS_PROFILE, null, null);
  }

  /** Another setting; the status stays what the listening node wrote. */
  public Push set(PushSetting newSetting) {
    return new Push(newSetting, status, statusText);
  }

  /** Whether push is wanted, given its profile's setting. */
  public boolean wanted(boolean profilePushes) {
    return setting.wanted(profilePushes);
  }

  public PushSetting getSetting() {
    return setting;
  }

  public PushStatus getStatus() {
    return status == null ? PushStatus.NOT_REQUESTED : status;
  }

  public String getStatusText() {
    return statusText;
  }
}
