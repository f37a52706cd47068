package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailserver.control.DelegatedTokens;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.profile.entity.EmailServerProfile;

/**
 * Access tokens for a mailbox that a person connected (delegated OAuth 2.0, issue 15): the one in
 * memory while it is valid, otherwise one by the mailbox's refresh token through {@link
 * DelegatedSignInLedger}, which saves a rotated refresh token in the same transaction.
 */
@ApplicationScoped
public class DelegatedAccess {

  @Inject DelegatedTokens tokens;
  @Inject DelegatedSignInLedger ledger;

  /** The profile's mailboxes are each connected by a person (grant AUTHORIZATION_CODE). */
  public static boolean isDelegated(EmailServerProfile profile) {
    return profile != null
        && profile.getOAuth().getGrant() != null
        && profile.getOAuth().getGrant().connectedPerMailbox();
  }

  /**
   * "Test connection" on the profile signs in as no mailbox: a delegated profile has no token of
   * its own, so it is tested through a connected mailbox.
   */
  static void refuseProfileTest(EmailServerProfile profile, String server) {
    if (isDelegated(profile)) {
      throw MailServerFailure.of(
          FailureCause.CONNECT_AGAIN,
          server,
          "the profile signs in as each mailbox connected by a person (delegated): connect a"
              + " mailbox from its page, then test & enable it",
          "credential source OAUTH2, grant AUTHORIZATION_CODE, connection test");
    }
  }

  /**
   * An access token for {@code mailbox}.
   *
   * @throws MailServerFailure {@code CONNECT_AGAIN} or {@code TOKEN_UNAVAILABLE}
   */
  Secret tokenFor(Mailbox mailbox, OAuthClient client, String server) {
    return tokens
        .kept(client, DelegatedSignInLedger.keyOf(mailbox.getId()))
        .orElseGet(() -> ledger.accessToken(mailbox.getId(), client, server));
  }
}
