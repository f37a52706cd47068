package org.syncpost.mailbox.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.syncpost.audit.control.Auditor;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailbox.entity.DelegatedSignIn;
import org.syncpost.mailbox.entity.DelegatedStatus;
import org.syncpost.mailserver.control.DelegatedTokens;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;

/**
 * The stored side of a mailbox's delegated OAuth 2.0 sign-in (ADR 0023): connecting it, and each
 * use of its refresh token. A use and what it changes are one transaction (ADR 0012), under a lock
 * on the mailbox's row, so that a rotated refresh token is saved before any other thread or node
 * can use the old one, and a refused one is forgotten with the audit entry that says so.
 */
@Stateless
public class DelegatedSignInLedger {

  static final String AUDIT_TYPE = "mailbox";

  @PersistenceContext EntityManager em;
  @Inject DelegatedTokens tokens;
  @Inject Auditor auditor;
  @Inject Clock clock;

  /** The key its access tokens are kept under in memory. */
  public static String keyOf(long mailboxId) {
    return "mailbox " + mailboxId;
  }

  /**
   * An access token for the mailbox by its refresh token: one another thread got while this one
   * waited for the lock, or a new one, with a rotated refresh token saved.
   *
   * @throws MailServerFailure {@code CONNECT_AGAIN} when the mailbox is not connected or the
   *     provider refused its refresh token (which is then forgotten), {@code TOKEN_UNAVAILABLE}
   *     when the provider could not be asked
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Secret accessToken(long mailboxId, OAuthClient client, String server) {
    DelegatedSignIn signIn =
        em.find(DelegatedSignIn.class, mailboxId, LockModeType.PESSIMISTIC_WRITE);
    if (signIn == null || !signIn.isConnected()) {
      throw MailServerFailure.of(
          FailureCause.CONNECT_AGAIN,
          server,
          signIn == null
              ? "nobody has connected the mailbox to its provider yet"
              : "the provider refused its sign-in on " + signIn.getRefusedOn(),
          "delegated sign-in of mailbox " + mailboxId);
    }
    String key = keyOf(mailboxId);
    var kept = tokens.kept(client, key);
    if (kept.isPresent()) {
      return kept.get();
    }
    try {
      DelegatedTokens.Granted granted =
          tokens.refresh(client, signIn.getRefreshToken(), key, server);
      signIn.refreshed(granted.refreshToken(), clock.instant());
      em.flush();
      return granted.accessToken();
    } catch (MailServerFailure failure) {
      if (failure.failureCause() == FailureCause.CONNECT_AGAIN) {
        signIn.refused(clock.instant());
        auditor.record(
            "oauth-sign-in-refused",
            AUDIT_TYPE,
            mailboxId,
            "the provider refused the mailbox's refresh token (invalid_grant); it must be"
                + " connected again");
        em.flush();
      }
      // MailServerFailure does not roll back (rollback = false): the refusal stays recorded
      throw failure;
    }
  }

  /** {@code by} connected the mailbox: its new refresh token replaces any earlier one. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public DelegatedStatus connect(long mailboxId, Secret refreshToken, String by) {
    DelegatedSignIn signIn =
        em.find(DelegatedSignIn.class, mailboxId, LockModeType.PESSIMISTIC_WRITE);
    if (signIn == null) {
      signIn = DelegatedSignIn.connected(mailboxId, refreshToken, by, clock.instant());
      em.persist(signIn);
    } else {
      signIn.connectAgain(refreshToken, by, clock.instant());
    }
    auditor.record("oauth-connected", AUDIT_TYPE, mailboxId, "connected to its provider by " + by);
    em.flush();
    return signIn.status();
  }

  /** What the mailbox's page and REST say about its delegated sign-in. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public DelegatedStatus status(long mailboxId) {
    DelegatedSignIn signIn = em.find(DelegatedSignIn.class, mailboxId);
    return signIn == null ? DelegatedStatus.NOT_CONNECTED : signIn.status();
  }
}
