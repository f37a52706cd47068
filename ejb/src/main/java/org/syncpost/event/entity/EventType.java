package org.syncpost.event.entity;

import java.util.Arrays;
import java.util.Optional;

/** What an event announces; its external name is what the feed and webhooks carry. */
public enum EventType {
  EMAIL_RECEIVED("email.received"),
  EMAIL_SENT("email.sent"),
  EMAIL_FAILED("email.failed"),
  EMAIL_BOUNCED("email.bounced"),
  MAILBOX_DISABLED("mailbox.disabled"),
  MAILBOX_ENABLED("mailbox.enabled"),
  JOB_FINISHED("job.finished");

  private final String externalName;

  EventType(String externalName) {
    this.externalName = externalName;
  }

  public String externalName() {
    return externalName;
  }

  public static Optional<EventType> fromExternalName(String name) {
    return Arrays.stream(values()).filter(t -> t.externalName.equals(name)).findFirst();
  }
}
