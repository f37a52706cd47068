package org.syncpost.profile.entity;

import jakarta.ejb.ApplicationException;
import org.syncpost.validation.entity.NotAllowedNow;

/**
 * A profile that mailboxes still use cannot simply go: they would all stop without a word. The
 * caller names a profile to move them to, or moves them first.
 */
@ApplicationException(rollback = true)
public class ProfileInUse extends NotAllowedNow {

  private static final long serialVersionUID = 1L;
  private final long mailboxes;

  public ProfileInUse(long profileId, long mailboxes) {
    super(
        "Profile "
            + profileId
            + " is used by "
            + mailboxes
            + (mailboxes == 1 ? " mailbox" : " mailboxes")
            + "; name a profile to move them to (e.g. ?moveMailboxesTo=<profile id>), or move"
            + " them to another profile first.");
    this.mailboxes = mailboxes;
  }

  public long mailboxes() {
    return mailboxes;
  }

  @Override
  public String code() {
    return "profile-in-use";
  }

  @Override
  public String title() {
    return "The profile is in use";
  }
}
