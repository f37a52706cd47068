package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What SyncPost keeps in its data directory (database, credential key file, logs, command files) is
 * readable by the server's own user only.
 */
@ExtendWith(SharedSyncPost.class)
class DataFilePermissionsIT {

  private final SyncPostServer server;

  DataFilePermissionsIT(SyncPostServer server) {
    this.server = server;
  }

  @Test
  void theDataDirectoryIsTheServerUsersOnlyDirectoriesRwxFilesRw() throws Exception {
    List<String> open;
    try (Stream<Path> paths = Files.walk(server.dataDir())) {
      open =
          paths
              .filter(
                  path -> {
                    String mode = mode(path);
                    return Files.isDirectory(path)
                        ? !mode.equals("rwx------")
                        : !mode.equals("rw-------");
                  })
              .map(path -> server.dataDir().relativize(path) + " " + mode(path))
              .toList();
    }

    assertThat(open).isEmpty();
    try (Stream<Path> paths = Files.walk(server.dataDir())) {
      assertThat(paths.map(p -> p.getFileName().toString())).contains("logs", "server.log");
    }
  }

  /**
   * The permissions, e.g. {@code rw-------}; a file removed meanwhile (H2's temporary files)
   * passes.
   */
  private static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (java.nio.file.NoSuchFileException gone) {
      return Files.isDirectory(path) ? "rwx------" : "rw-------";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
