package org.syncpost.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.Optional;

/**
 * How a profile whose credentials are its own signs in for each of its mailboxes: never as the
 * account itself (that would read the account's own mail into every mailbox), always on behalf of
 * the mailbox, by a SASL authorization identity or by the master-user login form.
 *
 * <p>An {@code @Embeddable} class, not a record: JPA 3.1 cannot embed records.
 */
@Embeddable
public class Impersonation {

  public static final String DEFAULT_SEPARATOR = "*";
  public static final int MAX_SEPARATOR_LENGTH = 10;

  /** SASL authorization identity with the mailbox's email address: standard and always named. */
  public static final Impersonation DEFAULT =
      new Impersonation(
          ImpersonationMethod.SASL_AUTHZID, MailboxIdentity.EMAIL_ADDRESS, DEFAULT_SEPARATOR);

  @Enumerated(EnumType.STRING)
  @Column(name = "impersonation", length = 20)
  private ImpersonationMethod method;

  @Enumerated(EnumType.STRING)
  @Column(name = "impersonate_as", length = 20)
  private MailboxIdentity identity;

  @Column(name = "master_user_separator", length = MAX_SEPARATOR_LENGTH)
  private String separator;

  protected Impersonation() {}

  public Impersonation(ImpersonationMethod method, MailboxIdentity identity, String separator) {
    this.method = method;
    this.identity = identity;
    this.separator = separator;
  }

  /** What was left empty takes the default. */
  public Impersonation withDefaults() {
    return new Impersonation(
        method == null ? DEFAULT.method : method,
        identity == null ? DEFAULT.identity : identity,
        separator == null || separator.isEmpty() ? DEFAULT_SEPARATOR : separator);
  }

  /** Why these settings cannot be used, or empty when they can. */
  public Optional<String> problem() {
    if (separator != null
        && (separator.length() > MAX_SEPARATOR_LENGTH
            || separator.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x21))) {
      return Optional.of(
          "the master user separator must be 1 to "
              + MAX_SEPARATOR_LENGTH
              + " visible characters without spaces, such as *");
    }
    return Optional.empty();
  }

  /**
   * How {@code account} signs in for the mailbox named {@code userName} / {@code emailAddress}.
   *
   * @return empty when the mailbox lacks the name this profile acts for
   */
  public Optional<SignIn> signInFor(String account, String userName, String emailAddress) {
    Impersonation effective = withDefaults();
    String mailbox = effective.identity == MailboxIdentity.USER_NAME ? userName : emailAddress;
    if (mailbox == null || mailbox.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (effective.method) {
          case SASL_AUTHZID -> new SignIn(account, mailbox, mailbox);
          case MASTER_USER_LOGIN ->
              new SignIn(mailbox + effective.separator + account, null, mailbox);
        });
  }

  /**
   * One sign-in on behalf of a mailbox.
   *
   * @param login the name given to the server
   * @param authorizationId the SASL authorization identity, or {@code null} for a master-user login
   * @param actingFor the mailbox's name as the server knows it
   */
  public record SignIn(String login, String authorizationId, String actingFor) {}

  public ImpersonationMethod getMethod() {
    return method;
  }

  public MailboxIdentity getIdentity() {
    return identity;
  }

  public String getSeparator() {
    return separator;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Impersonation that
        && method == that.method
        && identity == that.identity
        && Objects.equals(separator, that.separator);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, identity, separator);
  }

  @Override
  public String toString() {
    return "Impersonation[" + method + ", " + identity + ", separator=" + separator + "]";
  }
}
