package org.syncpost.mailbox.boundary;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Actor;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.directory.control.Caller;
import org.syncpost.mailbox.control.DelegatedAccess;
import org.syncpost.mailbox.control.DelegatedSignInLedger;
import org.syncpost.mailbox.control.MailboxTestRun;
import org.syncpost.mailbox.entity.DelegatedStatus;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailserver.control.DelegatedTokens;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;

/**
 * Connecting a mailbox by delegated OAuth 2.0 (issue 15, ADR 0023): its owner or an administrator
 * is sent to the provider's sign-in with a fresh state and PKCE verifier, comes back with a code,
 * and SyncPost keeps the refresh token it is exchanged for. Only the mailbox's owner or an
 * administrator may connect it: the token lets SyncPost read and send its mail.
 */
@Stateless
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.MAILBOX_OWNER_NAME})
public class MailboxConnections {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Actor actor;
  @Inject DelegatedTokens tokens;
  @Inject DelegatedSignInLedger ledger;
  @Inject MailboxTestRun testRun;

  /**
   * A sign-in begun for a mailbox: where to send the person, and what the callback must find again
   * (kept in that person's HTTP session, never shown).
   *
   * @param authorizationUri the provider's sign-in page with this request
   * @param state the state it must come back with (RFC 6749 §10.12)
   * @param verifier the PKCE code verifier (RFC 7636); never printed
   * @param provider the profile's name, for "Connect with …"
   */
  public record SignInStarted(
      long mailboxId, URI authorizationUri, String state, Secret verifier, String provider) {}

  /**
   * Begins connecting {@code mailboxId}.
   *
   * @param redirectUri SyncPost's callback, as registered at the provider
   * @throws InvalidInput when the mailbox's profile does not sign in by delegated OAuth 2.0
   */
  public SignInStarted start(long mailboxId, URI redirectUri) {
    Mailbox mailbox = connectable(mailboxId);
    EmailServerProfile profile = mailbox.getProfile();
    OAuthClient client = profile.getOAuth().client().orElseThrow();
    // the mailbox's id before the random part: a callback whose sign-in this session no longer
    // holds still knows which mailbox page to explain it on
    State state = new State(mailboxId + "." + new State().getValue());
    CodeVerifier verifier = new CodeVerifier();
    URI authorization =
        tokens.authorizationRequest(
            client,
            URI.create(profile.getOAuth().getAuthorizationEndpoint()),
            redirectUri,
            state,
            verifier,
            mailbox.getEmail());
    return new SignInStarted(
        mailboxId,
        authorization,
        state.getValue(),
        Secret.of(verifier.getValue()),
        profile.getName());
  }

  /**
   * Finishes connecting {@code mailboxId}: exchanges {@code code} with the verifier of its start,
   * keeps the refresh token (the access token that came with it in memory), and tests &amp; enables
   * the mailbox with it — which enables again what a refused sign-in disabled, and resolves the
   * "connect again" alerts once the test passes.
   *
   * @throws org.syncpost.mailserver.entity.MailServerFailure {@code TOKEN_UNAVAILABLE} when the
   *     provider refuses the code
   */
  public DelegatedStatus connect(long mailboxId, String code, Secret verifier, URI redirectUri) {
    Mailbox mailbox = connectable(mailboxId);
    OAuthClient client = mailbox.getProfile().getOAuth().client().orElseThrow();
    String key = DelegatedSignInLedger.keyOf(mailboxId);
    DelegatedTokens.Granted granted =
        tokens.exchange(
            client,
            code,
            redirectUri,
            new CodeVerifier(verifier.reveal()),
            key,
            "authorization server of " + mailbox.getProfile().getName());
    String by = actor.name();
    DelegatedStatus status = ledger.connect(mailboxId, granted.refreshToken(), by);
    testRun.testAndEnable(mailboxId, by, false);
    return status;
  }

  /** Connected by whom and when, not connected, or to be connected again. */
  public DelegatedStatus status(long mailboxId) {
    find(mailboxId);
    return ledger.status(mailboxId);
  }

  /** The mailbox, when the caller may connect it and its profile signs in by delegated OAuth. */
  private Mailbox connectable(long mailboxId) {
    Mailbox mailbox = find(mailboxId);
    if (!caller.isAdministrator() && !caller.owns(mailbox.getOwner())) {
      throw new AccessDenied(
          "Mailbox "
              + mailboxId
              + " belongs to someone else; only its owner or an administrator may connect it.");
    }
    EmailServerProfile profile = mailbox.getProfile();
    if (!DelegatedAccess.isDelegated(profile)
        || profile.getOAuth().client().isEmpty()
        || profile.getOAuth().getAuthorizationEndpoint() == null) {
      throw InvalidInput.of(
          "profile",
          "the mailbox's email server profile does not sign in by delegated OAuth 2.0: an"
              + " administrator sets its OAuth client with grant AUTHORIZATION_CODE, a client id,"
              + " the token and authorization endpoints (PUT /profiles/{id}/oauth)");
    }
    return mailbox;
  }

  private Mailbox find(long mailboxId) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    if (mailbox == null) {
      throw new NotFound("mailbox", mailboxId);
    }
    if (!caller.isAdministrator() && !caller.owns(mailbox.getOwner())) {
      throw new AccessDenied(
          "Mailbox " + mailboxId + " belongs to someone else; you may see only your own mailbox.");
    }
    return mailbox;
  }
}
