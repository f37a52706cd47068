package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running server started as a child of the test JVM (Dovecot in the foreground, Postfix's
 * master under {@code postfix start-fg}). Closing it stops the whole process tree within a bounded
 * time, even when the server ignores the polite request; a JVM shutdown hook does the same if a
 * test run ends without closing it.
 */
final class ServerProcess implements AutoCloseable {

  private static final System.Logger LOGGER = System.getLogger(ServerProcess.class.getName());
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(25);

  private final String name;
  private final Process process;
  private final Path output;
  private final Runnable politeStop;
  private final Thread shutdownHook;
  private boolean closed;

  private ServerProcess(String name, Process process, Path output, Runnable politeStop) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.politeStop = politeStop;
    this.shutdownHook = new Thread(this::stopTree, "stop " + name);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code command}, its output appended to {@code output}. {@code politeStop} asks the
   * server to stop (for Postfix, {@code postfix stop}); {@code null} means SIGTERM to the child.
   */
  static ServerProcess start(String name, List<String> command, Path output, Runnable politeStop) {
    List<String> resolved = new ArrayList<>(command);
    resolved.set(0, ExternalCommand.program(command.get(0)));
    try {
      Process process =
          new ProcessBuilder(resolved)
              .directory(output.getParent().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      LOGGER.log(System.Logger.Level.DEBUG, "started {0} as pid {1}", name, process.pid());
      return new ServerProcess(name, process, output, politeStop);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /**
   * Waits until every address accepts TCP connections. Fails early, with the server's own words,
   * when the process exits (a port taken meanwhile, a configuration error).
   *
   * @param diagnostics the log file whose end explains a failure
   */
  void awaitListening(Duration timeout, Path diagnostics, List<InetSocketAddress> addresses) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (InetSocketAddress address : addresses) {
      while (!accepts(address)) {
        if (!process.isAlive()) {
          throw new ServerStartFailed(
              name
                  + " exited with "
                  + process.exitValue()
                  + " while starting: "
                  + tail(diagnostics));
        }
        if (System.nanoTime() > deadline) {
          throw new ServerStartFailed(
              name
                  + " was not listening on "
                  + address
                  + " after "
                  + timeout
                  + ": "
                  + tail(diagnostics));
        }
        pause();
      }
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopTree();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run; nothing left to undo
    }
  }

  private void stopTree() {
    // The tree is recorded first: once the child is gone, its daemons are re-parented away and
    // could no longer be found through it.
    long begin = System.nanoTime();
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    try {
      if (politeStop == null) {
        process.destroy();
      } else {
        politeStop.run();
      }
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "polite stop of " + name + " failed; killing it", e);
    }
    long deadline = System.nanoTime() + GRACE.toNanos();
    while (tree.stream().anyMatch(ServerProcess::running)
        && System.nanoTime() < deadline
        && !Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        // keep the flag and go straight to killing: the tree must not outlive the test
        Thread.currentThread().interrupt();
      }
    }
    List<ProcessHandle> survivors = tree.stream().filter(ServerProcess::running).toList();
    if (!survivors.isEmpty()) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "{0} did not stop within {1}; killing {2} processes",
          name,
          GRACE,
          survivors.size());
      survivors.forEach(ProcessHandle::destroyForcibly);
    }
    try {
      process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOGGER.log(
        System.Logger.Level.DEBUG,
        "stopped {0} in {1} ms",
        name,
        (System.nanoTime() - begin) / 1_000_000);
  }

  /**
   * Alive and not a zombie. A daemon's child that exits after its parent is re-parented to PID 1,
   * which in some containers reaps late; {@link ProcessHandle#isAlive()} still counts such a
   * zombie, although it is gone for every purpose here.
   */
  private static boolean running(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException gone) {
      return handle.isAlive();
    }
  }

  private static boolean accepts(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private String tail(Path diagnostics) {
    return lastLines(diagnostics) + lastLines(output);
  }

  private static String lastLines(Path file) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return "\n--- "
          + file
          + "\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "\n(could not read " + file + ": " + e + ")";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
