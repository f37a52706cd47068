package org.syncpost.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.syncpost.testing.database.PrivatePostgres;

/**
 * The database of the container tests: Payara Micro's default (H2), or with {@code
 * -Dsyncpost.test.database=postgresql} a private PostgreSQL 15 started before Arquillian boots the
 * container and stopped after it, applied with the operators' own command file
 * (server-config/payara-micro/post-boot-postgresql.asadmin) and the driver the build copies to
 * target/. arquillian.xml reads the extra Payara Micro options from {@value #OPTIONS}.
 */
public final class ContainerDatabase implements LauncherSessionListener {

  static final String OPTIONS = "syncpost.containerDatabase";

  private PrivatePostgres postgres;
  private Path postBoot;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    System.setProperty(OPTIONS, "");
    if (!"postgresql".equalsIgnoreCase(System.getProperty("syncpost.test.database", "h2"))
        || System.getProperty("syncpost.preBoot") == null) {
      return;
    }
    postgres = PrivatePostgres.start();
    try {
      Path template =
          Path.of(System.getProperty("syncpost.preBoot"))
              .resolveSibling("post-boot-postgresql.asadmin");
      postBoot = Files.createTempFile("syncpost-container-postgresql-", ".asadmin");
      // the test cluster's password is no secret; Payara would read it from the environment
      Files.writeString(
          postBoot,
          Files.readString(template)
              .replace("@URL@", postgres.jdbcUrl().replace(":", "\\:"))
              .replace("@USER@", PrivatePostgres.USER)
              .replace("${ENV=SYNCPOST_DB_PASSWORD}", PrivatePostgres.PASSWORD));
      System.setProperty(
          OPTIONS,
          "--postbootcommandfile "
              + postBoot
              + " --addlibs "
              + System.getProperty("syncpost.postgresqlDriver"));
    } catch (IOException e) {
      postgres.close();
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      postgres.close();
    }
    if (postBoot != null) {
      postBoot.toFile().delete();
    }
  }
}
