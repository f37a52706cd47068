package org.syncpost.directory.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.access.control.PasswordPolicy;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.control.PasswordHashing;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserCreated;
import org.syncpost.directory.entity.UserDetails;

/**
 * On the very first start (no users yet), creates the administrator {@code admin} so that somebody
 * can sign in. The password comes from {@code SYNCPOST_ADMIN_PASSWORD}; without it one is generated
 * and written to a file only the server's user can read — never to the log.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {

  private static final System.Logger LOGGER = System.getLogger(FirstAdministrator.class.getName());
  static final String NAME = "admin";

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing hashing;
  @Inject PasswordPolicy passwordPolicy;
  @Inject Event<UserCreated> created;

  @Inject
  @ConfigProperty(name = "syncpost.admin.password")
  Optional<String> configuredPassword;

  @Inject
  @ConfigProperty(name = "syncpost.admin.email", defaultValue = "admin@localhost")
  String email;

  @Inject
  @ConfigProperty(name = "syncpost.data-dir", defaultValue = "data")
  String dataDir;

  @PostConstruct
  void createWhenNoUsers() {
    if (em.createNamedQuery(User.COUNT, Long.class).getSingleResult() > 0) {
      return;
    }
    String password =
        configuredPassword.filter(p -> !p.isBlank()).orElseGet(this::generatedPassword);
    passwordPolicy
        .refusal(password, List.of(NAME, email))
        .ifPresent(
            refused -> {
              // refusing to start is the only answer that leaves no weak administrator behind
              throw new IllegalStateException(
                  "SYNCPOST_ADMIN_PASSWORD "
                      + refused
                      + ". Set a stronger one, or unset it to have a password generated.");
            });
    User admin = new User(new UserDetails(NAME, email, EnumSet.of(Role.ADMINISTRATOR)));
    admin.changePasswordHash(hashing.hash(password));
    em.persist(admin);
    created.fire(new UserCreated(admin));
    LOGGER.log(System.Logger.Level.INFO, "Created the first administrator ''{0}''", NAME);
  }

  private String generatedPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path file = Path.of(dataDir, "initial-admin-password").toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        LOGGER.log(System.Logger.Level.WARNING, "Cannot restrict permissions of {0}", file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the generated administrator password to " + file, e);
    }
    LOGGER.log(
        System.Logger.Level.WARNING,
        "SYNCPOST_ADMIN_PASSWORD is not set: the password of ''{0}'' was generated and written to {1};"
            + " sign in with it, change it, then delete that file.",
        NAME,
        file);
    return password;
  }
}
