package org.syncpost.alert.boundary.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertFilter;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * The alerts wall: the caller's own alerts, or those of one mailbox or profile, by level; each in
 * plain words with its advice, the technical detail one click away.
 */
@Named
@ViewScoped
public class AlertsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 500;

  @Inject transient Alerts alerts;
  @Inject transient FacesFeedback feedback;

  private Long mailboxId;
  private Long profileId;
  private boolean mine;
  private AlertLevel level;
  private boolean includeDismissed;
  private List<Alert> shown = List.of();

  /** On open (after the view parameters) and whenever a filter changes. */
  public void load() {
    List<Alert> found =
        feedback.attempt(
            "alerts",
            () ->
                alerts.list(
                    new AlertFilter(mailboxId, profileId, level, includeDismissed, mine),
                    0,
                    SHOWN));
    shown = found == null ? List.of() : found;
  }

  public void dismiss(Alert alert) {
    if (feedback.attempt("alerts", () -> alerts.dismiss(alert.getId())) != null) {
      feedback.info("Alert dismissed.");
    }
    load();
  }

  public String getScope() {
    if (mailboxId != null) {
      return "alerts of mailbox " + mailboxId;
    }
    if (profileId != null) {
      return "alerts of email server profile " + profileId;
    }
    return mine ? "alerts addressed to you" : "all alerts you may see";
  }

  public List<AlertLevel> getLevels() {
    return Arrays.asList(AlertLevel.values());
  }

  public List<Alert> getShown() {
    return shown;
  }

  public Long getMailboxId() {
    return mailboxId;
  }

  public void setMailboxId(Long mailboxId) {
    this.mailboxId = mailboxId;
  }

  public Long getProfileId() {
    return profileId;
  }

  public void setProfileId(Long profileId) {
    this.profileId = profileId;
  }

  public boolean isMine() {
    return mine;
  }

  public void setMine(boolean mine) {
    this.mine = mine;
  }

  public AlertLevel getLevel() {
    return level;
  }

  public void setLevel(AlertLevel level) {
    this.level = level;
  }

  public boolean isIncludeDismissed() {
    return includeDismissed;
  }

  public void setIncludeDismissed(boolean includeDismissed) {
    this.includeDismissed = includeDismissed;
  }
}
