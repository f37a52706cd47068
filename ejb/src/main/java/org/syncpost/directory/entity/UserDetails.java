package org.syncpost.directory.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.syncpost.access.entity.Role;
import org.syncpost.settings.entity.IncomingFilter;

/**
 * What an administrator enters for a user.
 *
 * @param incomingFilter which received mail of the user's mailbox becomes records, or {@code null}
 *     for the organisation's default
 */
public record UserDetails(
    @NotBlank(message = "enter the user's sign-in name")
        @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(
            regexp = "[^\\s:]*",
            message = "must not contain spaces or ':' (it is used to sign in)")
        String name,
    @NotBlank(message = "enter the user's email address")
        @Size(max = 320, message = "must be at most 320 characters")
        @Email(message = "is not a valid email address")
        String email,
    @NotNull Set<Role> roles,
    IncomingFilter incomingFilter) {

  /** A user following the organisation's incoming filter. */
  public UserDetails(String name, String email, Set<Role> roles) {
    this(name, email, roles, null);
  }
}
