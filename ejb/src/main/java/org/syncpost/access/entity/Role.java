package org.syncpost.access.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do in SyncPost. The names are the ones the API and security use. */
public enum Role {
  /** Configures everything. */
  ADMINISTRATOR(Role.ADMINISTRATOR_NAME),
  /** May approve or reject email addresses of mailboxes, without full administration. */
  APPROVER(Role.APPROVER_NAME),
  /** Sees and edits only the mailboxes they own. */
  MAILBOX_OWNER(Role.MAILBOX_OWNER_NAME);

  public static final String ADMINISTRATOR_NAME = "administrator";
  public static final String APPROVER_NAME = "approver";
  public static final String MAILBOX_OWNER_NAME = "mailbox-owner";

  private final String externalName;

  Role(String externalName) {
    this.externalName = externalName;
  }

  public String externalName() {
    return externalName;
  }

  public static Optional<Role> fromExternalName(String name) {
    return Arrays.stream(values()).filter(r -> r.externalName.equals(name)).findFirst();
  }
}
