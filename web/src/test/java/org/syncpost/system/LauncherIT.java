package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Quick start launcher refuses to start a second SyncPost where it would fail or share data: on
 * a port that another server answers (before, Payara Micro failed to bind while the launcher asked
 * the other server whether it was ready and said "SyncPost is ready"), or on a data directory
 * another SyncPost is using.
 */
@ExtendWith(SharedSyncPost.class)
class LauncherIT {

  @TempDir Path otherDataDir;

  @Test
  @Timeout(120)
  void refusesAPortAnotherServerAnswersOn(SyncPostServer running)
      throws IOException, InterruptedException {
    Outcome second =
        launch(
            "--data-dir",
            otherDataDir.toString(),
            "--http-port",
            String.valueOf(running.httpBase().getPort()),
            "--https-port",
            String.valueOf(SyncPostServer.freePort()));

    assertThat(second.exitCode()).isNotZero();
    assertThat(second.output())
        .contains("Port " + running.httpBase().getPort() + " is already in use")
        .doesNotContain("SyncPost is ready");
  }

  @Test
  @Timeout(120)
  void refusesADataDirectoryAnotherSyncPostUses(SyncPostServer running)
      throws IOException, InterruptedException {
    Outcome second =
        launch(
            "--data-dir",
            running.dataDir().toString(),
            "--http-port",
            String.valueOf(SyncPostServer.freePort()),
            "--https-port",
            String.valueOf(SyncPostServer.freePort()));

    assertThat(second.exitCode()).isNotZero();
    assertThat(second.output())
        .contains("is in use by another SyncPost")
        .doesNotContain("SyncPost is ready");
  }

  private record Outcome(int exitCode, String output) {}

  private Outcome launch(String... options) throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("syncpost.serverConfig")).getParent();
    Path output = Files.createTempFile(otherDataDir, "launcher", ".out");
    List<String> command =
        new ArrayList<>(List.of(root.resolve("syncpost").toString(), "--no-build"));
    command.addAll(List.of(options));
    Process launcher =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
      throw new AssertionError(
          "the launcher kept running: " + Files.readString(output, StandardCharsets.UTF_8));
    }
    return new Outcome(launcher.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }
}
