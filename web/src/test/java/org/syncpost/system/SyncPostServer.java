package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * SyncPost started exactly as the README's Quick start does ({@code ./syncpost}, without the build
 * step), on free loopback ports with its own data directory, and stopped by the test.
 */
public final class SyncPostServer implements AutoCloseable {

  private static final System.Logger LOGGER = System.getLogger(SyncPostServer.class.getName());

  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  private static final Duration BOOT_LIMIT = Duration.ofMinutes(6);

  /** The system property with the JVM options the build gives every test server. */
  static final String SERVER_JVM_OPTIONS = "syncpost.test.serverJvmOptions";

  private final Path dataDir;
  private final Map<String, String> environment;
  private final int httpPort;
  private final int httpsPort;
  private Process launcher;

  private SyncPostServer(Path dataDir, Map<String, String> environment) {
    this.dataDir = dataDir;
    this.environment = Map.copyOf(environment);
    this.httpPort = freePort();
    this.httpsPort = freePort();
  }

  public static SyncPostServer start() {
    return start(Map.of());
  }

  /**
   * Started with more environment for the launcher, e.g. {@code SYNCPOST_DB_URL} or {@code
   * JAVA_OPTS}.
   */
  public static SyncPostServer start(Map<String, String> environment) {
    try {
      SyncPostServer server =
          new SyncPostServer(Files.createTempDirectory("syncpost-it-"), environment);
      try {
        server.boot();
      } catch (RuntimeException | AssertionError notReady) {
        // a server that did not become ready must not outlive the test that started it
        server.stop();
        throw notReady;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void restart() {
    stop();
    boot();
  }

  /** Whether the server's launcher is running (not stopped, not killed). */
  public boolean isRunning() {
    return launcher != null && launcher.isAlive();
  }

  /** The process id of the Java virtual machine running Payara Micro (under the launcher). */
  public long serverPid() {
    return launcher
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Payara Micro is not running"))
        .pid();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The H2 database file's JDBC URL, for reading what the server stored while it is stopped. */
  public String databaseUrl() {
    return "jdbc:h2:file:" + dataDir.resolve("db/syncpost");
  }

  public Api https(String user, String password) {
    return new Api(URI.create("https://localhost:" + httpsPort + "/api/v1/"), user, password);
  }

  public Api http(String user, String password) {
    return new Api(URI.create("http://localhost:" + httpPort + "/api/v1/"), user, password);
  }

  public Api admin() {
    return https("admin", ADMIN_PASSWORD);
  }

  /** The SOAP API over HTTPS as {@code user} ({@code null}: no credentials). */
  public SoapCaller soap(String user, String password) {
    return new SoapCaller(httpsBase(), user, password);
  }

  /** Where the admin UI is served over HTTPS (a self-signed certificate), ending in '/'. */
  public URI httpsBase() {
    return URI.create("https://localhost:" + httpsPort + "/");
  }

  /** Where the admin UI is served over plain HTTP, ending in '/'. */
  public URI httpBase() {
    return URI.create("http://localhost:" + httpPort + "/");
  }

  public URI healthUri() {
    return URI.create("http://localhost:" + httpPort + "/health");
  }

  private void boot() {
    Path root = Path.of(System.getProperty("syncpost.serverConfig")).getParent();
    ProcessBuilder builder =
        new ProcessBuilder(
                root.resolve("syncpost").toString(),
                "--no-build",
                "--data-dir",
                dataDir.toString(),
                "--http-port",
                String.valueOf(httpPort),
                "--https-port",
                String.valueOf(httpsPort))
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("launcher.out").toFile()));
    builder.environment().put("SYNCPOST_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_OPTS", withServerJvmOptions(builder.environment()));
    try {
      launcher = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady();
  }

  /**
   * The build's JVM options for test servers (system property {@value #SERVER_JVM_OPTIONS}, set in
   * the parent POM), then the {@code JAVA_OPTS} of {@code launcherEnvironment} (a test's own),
   * which win where they set the same option.
   */
  private static String withServerJvmOptions(Map<String, String> launcherEnvironment) {
    return (System.getProperty(SERVER_JVM_OPTIONS, "")
            + " "
            + launcherEnvironment.getOrDefault("JAVA_OPTS", ""))
        .strip();
  }

  private void awaitReady() {
    // HTTP/1.1 as the launcher asks: no h2c upgrade for a health probe
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(BOOT_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      assertThat(launcher.isAlive())
          .as("launcher still running; see %s", dataDir.resolve("logs/server.log"))
          .isTrue();
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(healthUri() + "/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        // until SyncPost is deployed, Payara Micro answers UP with no checks at all
        if (response.statusCode() == 200 && response.body().contains("database")) {
          return;
        }
      } catch (IOException notYet) {
        // the server is still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        launcher.waitFor(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "SyncPost was not ready within " + BOOT_LIMIT + "; see " + dataDir);
  }

  /**
   * Kills the server as a crash would (SIGKILL, no shutdown); {@link #restart()} boots it again.
   */
  public void kill() {
    if (launcher == null) {
      return;
    }
    // the server holds the data directory's lock and its ports until it is gone: a restart before
    // that would be refused by the launcher, as it should be
    List<ProcessHandle> processes = new ArrayList<>(launcher.descendants().toList());
    processes.add(launcher.toHandle());
    processes.forEach(ProcessHandle::destroyForcibly);
    try {
      for (ProcessHandle process : processes) {
        process.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the killed server did not end", e);
    }
    launcher = null;
  }

  /**
   * Copies the server's logs to {@code target/server-logs/<data directory>}: the cause of a failed
   * system test is often only in the server's log (a rolled-back transaction, a refused statement),
   * and the data directory goes with the test. Logs hold no secrets (SPEC).
   */
  private void keepLogs() {
    Path logs = dataDir.resolve("logs");
    if (!Files.isDirectory(logs)) {
      return;
    }
    Path kept = Path.of("target", "server-logs", dataDir.getFileName().toString());
    try (var files = Files.list(logs)) {
      Files.createDirectories(kept);
      for (Path log : (Iterable<Path>) files::iterator) {
        Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // the test's outcome does not depend on its server's logs
      LOGGER.log(System.Logger.Level.WARNING, "The logs of {0} could not be kept: {1}", dataDir, e);
    }
  }

  public void stop() {
    if (launcher == null) {
      return;
    }
    // TERM to the launcher: it stops Payara Micro and waits for it
    launcher.descendants().forEach(ProcessHandle::destroy);
    launcher.destroy();
    try {
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    launcher = null;
  }

  /**
   * Stops the server and removes its data directory (kept when -Dsyncpost.keepTestData=true); its
   * logs are kept in {@code target/server-logs}.
   */
  @Override
  public void close() {
    stop();
    keepLogs();
    if (!Boolean.getBoolean("syncpost.keepTestData")) {
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
