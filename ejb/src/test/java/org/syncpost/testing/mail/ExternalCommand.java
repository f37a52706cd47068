package org.syncpost.testing.mail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived program (openssl, doveadm, postfix) to completion within a time limit and
 * returns what it printed; a non-zero exit is an error carrying that output.
 */
final class ExternalCommand {

  /** Debian puts the daemons in /usr/sbin, which is not always on a test JVM's PATH. */
  private static final List<String> EXTRA_DIRECTORIES = List.of("/usr/sbin", "/usr/bin", "/sbin");

  private ExternalCommand() {}

  static String run(Duration timeout, Path directory, List<String> command) {
    return run(timeout, directory, null, command);
  }

  static String run(Duration timeout, Path directory, byte[] input, List<String> command) {
    Path output = null;
    Process process = null;
    try {
      // Output goes to a file, not a pipe, so a chatty program can never block on a full pipe.
      output = Files.createTempFile("syncpost-command", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(resolved(command))
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      if (input == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      }
      process = builder.start();
      if (input != null) {
        try (OutputStream stdin = process.getOutputStream()) {
          stdin.write(input);
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "`" + String.join(" ", command) + "` did not finish within " + timeout);
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "`"
                + String.join(" ", command)
                + "` exited with "
                + process.exitValue()
                + ": "
                + printed.strip());
      }
      return printed;
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      if (process != null && process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // a leftover file in the temp directory is harmless
        }
      }
    }
  }

  /** The absolute path of an installed program, found on PATH or in the sbin directories. */
  static String program(String name) {
    List<String> directories = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      directories.addAll(List.of(path.split(File.pathSeparator)));
    }
    directories.addAll(EXTRA_DIRECTORIES);
    for (String directory : directories) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        name
            + " is not installed. The mail test servers need the Debian packages dovecot-imapd,"
            + " dovecot-pop3d, dovecot-lmtpd, postfix and openssl (.ci/run installs them).");
  }

  private static List<String> resolved(List<String> command) {
    List<String> resolved = new ArrayList<>(command);
    if (!resolved.get(0).contains("/")) {
      resolved.set(0, program(resolved.get(0)));
    }
    return resolved;
  }
}
