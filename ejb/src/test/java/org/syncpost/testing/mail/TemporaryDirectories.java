package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The test servers' working directories. They are world-traversable (0755) because the servers'
 * unprivileged processes (Dovecot's mail user, Postfix's smtpd) reach files and sockets in them.
 * {@code -Dsyncpost.keepTestData=true} keeps them, with the servers' logs, for inspection.
 */
final class TemporaryDirectories {

  private static final System.Logger LOGGER =
      System.getLogger(TemporaryDirectories.class.getName());

  private TemporaryDirectories() {}

  static Path create(String prefix) {
    try {
      Path directory = Files.createTempDirectory(prefix);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temporary directory", e);
    }
  }

  static void delete(Path directory) {
    if (Boolean.getBoolean("syncpost.keepTestData")) {
      LOGGER.log(System.Logger.Level.INFO, "kept test server data in {0}", directory);
      return;
    }
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }
}
