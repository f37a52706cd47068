package org.syncpost.testing.mail;

/**
 * A mailbox on the test Dovecot. Dovecot ignores the domain when logging in ({@code
 * auth_username_format = %Ln}), so {@link #name()} and {@link #address()} both work as login;
 * Postfix delivers mail for {@code <name>@}{@value #DOMAIN} to this mailbox.
 */
public record MailUser(String name, String password) {

  /** The mail domain of the test servers, reserved for testing by RFC 2606. */
  public static final String DOMAIN = "syncpost.test";

  public MailUser {
    if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException(
          "a test user name is lower-case letters, digits, '.', '_' or '-': " + name);
    }
    if (password == null || password.isEmpty() || password.contains("\n")) {
      throw new IllegalArgumentException("a test password is one non-empty line");
    }
  }

  public String address() {
    return name + "@" + DOMAIN;
  }

  @Override
  public String toString() {
    return "MailUser[" + name + "]";
  }
}
