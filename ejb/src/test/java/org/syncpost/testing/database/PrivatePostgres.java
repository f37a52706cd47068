package org.syncpost.testing.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of its own (Debian's binaries), in a temporary directory, listening on
 * 127.0.0.1 on a free port, with one database and user for SyncPost. PostgreSQL refuses to run as
 * root, so the server runs as the {@code postgres} system user; stopped by {@link #close()}.
 */
public final class PrivatePostgres implements AutoCloseable {

  public static final String DATABASE = "syncpost";
  public static final String USER = "syncpost";
  public static final String PASSWORD = "syncpost-test-password";

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final Duration START_LIMIT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;
  private Process server;

  private PrivatePostgres(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  public static PrivatePostgres start() {
    try {
      Path directory = Files.createTempDirectory("syncpost-postgres-");
      PrivatePostgres postgres = new PrivatePostgres(directory, freePort());
      try {
        postgres.initialise();
        postgres.launch();
        postgres.createDatabase();
        return postgres;
      } catch (RuntimeException | IOException failed) {
        postgres.close();
        throw failed;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  private void initialise() throws IOException {
    asRoot("chown", "postgres:postgres", directory.toString());
    Path passwordFile = directory.resolve("superuser-password");
    Files.writeString(passwordFile, "postgres-" + port + "\n", StandardCharsets.US_ASCII);
    asRoot("chown", "postgres:postgres", passwordFile.toString());
    asPostgres(
        BIN.resolve("initdb").toString(),
        "-D",
        directory.resolve("data").toString(),
        "-U",
        "postgres",
        "--auth=scram-sha-256",
        "--pwfile=" + passwordFile,
        "--encoding=UTF8",
        "--locale=C");
  }

  private void launch() throws IOException {
    List<String> command =
        sudoPostgres(
            BIN.resolve("postgres").toString(),
            "-D",
            directory.resolve("data").toString(),
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(port),
            "-k",
            directory.toString(),
            "-c",
            "fsync=off",
            "-c",
            "max_connections=100");
    server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("server.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(START_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "PostgreSQL did not start; see " + directory.resolve("server.log"));
      }
      try {
        String ready =
            run(
                sudoPostgres(
                    BIN.resolve("pg_isready").toString(),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(port)),
                false);
        if (ready.contains("accepting connections")) {
          return;
        }
        server.waitFor(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("PostgreSQL was not ready within " + START_LIMIT);
  }

  private void createDatabase() throws IOException {
    // over the Unix socket in the private directory, with the superuser password initdb was given;
    // two -c, because CREATE DATABASE refuses the transaction one -c with two statements makes
    run(
        sudoPostgres(
            "env",
            "PGPASSWORD=postgres-" + port,
            "/usr/bin/psql",
            "-h",
            directory.toString(),
            "-p",
            String.valueOf(port),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            "CREATE USER " + USER + " WITH PASSWORD '" + PASSWORD + "'",
            "-c",
            "CREATE DATABASE " + DATABASE + " OWNER " + USER),
        true);
  }

  private static List<String> sudoPostgres(String... command) {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    all.addAll(List.of(command));
    return all;
  }

  private static void asPostgres(String... command) throws IOException {
    run(sudoPostgres(command), true);
  }

  private static void asRoot(String... command) throws IOException {
    run(List.of(command), true);
  }

  private static String run(List<String> command, boolean mustSucceed) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Timed out: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (mustSucceed && process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (server != null) {
      // SIGTERM to runuser is passed on; PostgreSQL's smart shutdown follows
      server.descendants().forEach(ProcessHandle::destroy);
      server.destroy();
      try {
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
          server.descendants().forEach(ProcessHandle::destroyForcibly);
          server.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
