package org.syncpost.alert.boundary.rest;

import jakarta.json.JsonObject;
import org.syncpost.alert.entity.Alert;
import org.syncpost.api.control.JsonOutput;

/** The public JSON contract of an alert. */
final class AlertJson {

  private AlertJson() {}

  static JsonObject of(Alert a) {
    return new JsonOutput()
        .add("id", a.getId())
        .add("level", a.getLevel())
        .add("code", a.getCode())
        .add("mailboxId", a.getMailboxId())
        .add("profileId", a.getProfileId())
        .add("text", a.getText())
        .add("advice", a.getAdvice())
        .add("details", a.getDetails())
        .add("count", a.getCount())
        .add("firstRaisedOn", a.getFirstRaisedOn())
        .add("lastRaisedOn", a.getLastRaisedOn())
        .add("dismissed", a.isDismissed())
        .add("dismissedBy", a.getDismissedBy())
        .add("dismissedOn", a.getDismissedOn())
        .build();
  }
}
