package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.syncpost.audit.entity.Tracked;
import org.syncpost.crypto.control.SecretConverter;
import org.syncpost.crypto.entity.Secret;

/**
 * A mailbox connected by delegated OAuth 2.0 (issue 15, ADR 0023): a person signed in at the
 * provider for it, and SyncPost keeps the refresh token it got, encrypted at rest (ADR 0003), to
 * get access tokens by itself. Its own table, one row per mailbox (the mailbox's id), so that the
 * mailbox's row, which every poll writes, is not locked while a token is refreshed.
 */
@Entity
@Table(name = "mailbox_delegated_sign_in")
public class DelegatedSignIn extends Tracked {

  public static final int MAX_REFRESH_TOKEN = 4000;

  /** The mailbox's id. */
  @Id private Long id;

  @Convert(converter = SecretConverter.class)
  @Column(name = "refresh_token", length = MAX_REFRESH_TOKEN)
  private Secret refreshToken;

  @Column(name = "connected_by", nullable = false, length = 100)
  private String connectedBy;

  @Column(name = "connected_on", nullable = false)
  private Instant connectedOn;

  @Column(name = "refreshed_on")
  private Instant refreshedOn;

  @Column(name = "refused_on")
  private Instant refusedOn;

  protected DelegatedSignIn() {}

  /** {@code by} connected the mailbox {@code mailboxId} at {@code at}. */
  public static DelegatedSignIn connected(
      long mailboxId, Secret refreshToken, String by, Instant at) {
    DelegatedSignIn signIn = new DelegatedSignIn();
    signIn.id = mailboxId;
    signIn.connectAgain(refreshToken, by, at);
    return signIn;
  }

  /** A new sign-in replaces the old: its refresh token, who and when; a refusal is forgotten. */
  public void connectAgain(Secret refreshToken, String by, Instant at) {
    this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
    this.connectedBy = Objects.requireNonNull(by, "by");
    this.connectedOn = at;
    this.refreshedOn = null;
    this.refusedOn = null;
  }

  /**
   * An access token was got at {@code at}; the server rotated the refresh token when {@code
   * rotated} is given (RFC 6749 §6: the old one may be void from now on).
   */
  public void refreshed(Secret rotated, Instant at) {
    if (rotated != null) {
      refreshToken = rotated;
    }
    refreshedOn = at;
  }

  /**
   * The authorization server refused the refresh token ({@code invalid_grant}): it is forgotten,
   * since it will never work again, and the mailbox waits to be connected again.
   */
  public void refused(Instant at) {
    refreshToken = null;
    refusedOn = at;
  }

  /** A refresh token to get access tokens with is kept. */
  public boolean isConnected() {
    return refreshToken != null;
  }

  /** What a person is told: connected by whom and when, or that it must be connected again. */
  public DelegatedStatus status() {
    return isConnected()
        ? DelegatedStatus.connected(connectedBy, connectedOn, refreshedOn)
        : DelegatedStatus.connectAgain(connectedBy, connectedOn, refusedOn);
  }

  @Override
  public Long getId() {
    return id;
  }

  /** For the ledger only; never printed, never returned. */
  public Secret getRefreshToken() {
    return refreshToken;
  }

  public String getConnectedBy() {
    return connectedBy;
  }

  public Instant getConnectedOn() {
    return connectedOn;
  }

  public Instant getRefreshedOn() {
    return refreshedOn;
  }

  public Instant getRefusedOn() {
    return refusedOn;
  }
}
