package org.syncpost.mailbox.entity;

import java.util.ArrayList;
import java.util.List;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.OrganisationSettings;

/**
 * What a mailbox still lacks before test &amp; enable can pass with a profile, said before anything
 * runs (issue 18): the same conditions on which {@code Endpoints} refuses to sign in ({@code
 * credentials-missing}) and the test leaves a mailbox disabled (not approved).
 *
 * @param needs in the order to fix them; empty when nothing is missing
 */
public record StillNeeded(long mailboxId, String mailboxName, List<Need> needs) {

  public StillNeeded {
    needs = List.copyOf(needs);
  }

  /** What {@code mailbox} lacks to pass its test with {@code profile} (null: none). */
  public static StillNeeded of(
      Mailbox mailbox, EmailServerProfile profile, OrganisationSettings organisation) {
    List<Need> needs = new ArrayList<>();
    if (profile == null) {
      needs.add(Need.PROFILE);
    } else if (signsInAsTheMailbox(profile)) {
      needs.addAll(mailbox.getCredentials().missing());
    }
    if (!mailbox.isApprovedFor(organisation)) {
      needs.add(Need.APPROVAL);
    }
    return new StillNeeded(mailbox.getId(), mailbox.getName(), needs);
  }

  private static boolean signsInAsTheMailbox(EmailServerProfile profile) {
    return profile.getIncoming().getCredentialSource() == CredentialSource.USER_OR_QUEUE
        || profile.getOutgoing().getCredentialSource() == CredentialSource.USER_OR_QUEUE;
  }

  public boolean isReady() {
    return needs.isEmpty();
  }
}
