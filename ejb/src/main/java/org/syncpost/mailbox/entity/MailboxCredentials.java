package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.crypto.control.SecretConverter;
import org.syncpost.crypto.entity.Secret;

/**
 * The sign-in its owner gave SyncPost for the mailbox, and whether SyncPost may use it. Immutable;
 * the password is encrypted at rest (ADR 0003).
 */
@Embeddable
public class MailboxCredentials {

  @Column(name = "username", length = 320)
  private String username;

  @Convert(converter = SecretConverter.class)
  @Column(name = "password", length = 1000)
  private Secret password;

  @Column(name = "allow_credential_use", nullable = false)
  private boolean allowUse;

  protected MailboxCredentials() {}

  private MailboxCredentials(String username, Secret password, boolean allowUse) {
    this.username = username;
    this.password = password;
    this.allowUse = allowUse;
  }

  /** None given yet. */
  public static MailboxCredentials none() {
    return new MailboxCredentials(null, null, false);
  }

  /**
   * The owner's change: a blank user name clears it, a {@code null} password keeps the stored one.
   */
  public MailboxCredentials changed(String newUsername, Secret newPassword, boolean allow) {
    return new MailboxCredentials(
        newUsername == null || newUsername.isBlank() ? null : newUsername.strip(),
        newPassword != null ? newPassword : password,
        allow);
  }

  public String getUsername() {
    return username;
  }

  public boolean isPasswordSet() {
    return password != null;
  }

  /** The password, for the mail session only. */
  public Secret getPassword() {
    return password;
  }

  public boolean isAllowUse() {
    return allowUse;
  }

  /**
   * What SyncPost lacks to sign in as the mailbox, in the order {@code Endpoints} reports it: the
   * owner's permission, the user name, the password.
   */
  public List<Need> missing() {
    List<Need> missing = new ArrayList<>();
    if (!allowUse) {
      missing.add(Need.CREDENTIAL_USE_ALLOWED);
    }
    if (username == null || username.isBlank()) {
      missing.add(Need.USER_NAME);
    }
    if (password == null) {
      missing.add(Need.PASSWORD);
    }
    return missing;
  }
}
