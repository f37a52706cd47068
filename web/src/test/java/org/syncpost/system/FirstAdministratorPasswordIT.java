package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A weak SYNCPOST_ADMIN_PASSWORD does not become the first administrator's password. */
@Timeout(900)
class FirstAdministratorPasswordIT {

  @Test
  void aWeakConfiguredAdministratorPasswordStopsTheFirstStartWithTheReason() throws Exception {
    Throwable refused =
        catchThrowable(
            () -> SyncPostServer.start(Map.of("SYNCPOST_ADMIN_PASSWORD", "passwordpassword")));

    assertThat(refused)
        .as("SyncPost started with the administrator password 'passwordpassword'")
        .isNotNull();
    Matcher dataDir = Pattern.compile("(/\\S*syncpost-it-\\d+)").matcher(refused.getMessage());
    assertThat(dataDir.find()).as(refused.getMessage()).isTrue();
    Path root = Path.of(dataDir.group(1));
    try {
      assertThat(Files.readString(root.resolve("logs/server.log")))
          .contains("SYNCPOST_ADMIN_PASSWORD is too easy to guess");
    } finally {
      try (var files = Files.walk(root)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
