package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;

/**
 * A private Postfix ({@code postfix -c <dir> start-fg}, its own configuration and queue in a
 * temporary directory) on 127.0.0.1: submission with STARTTLS required and SASL AUTH through
 * Dovecot, and submissions with implicit TLS, both presenting {@link ServerCertificate#VALID};
 * submissions also on the other {@link ServerCertificate} addresses, each with its certificate.
 * Mail for {@value MailUser#DOMAIN} goes to the given Dovecot over LMTP; any other recipient
 * bounces ({@code default_transport = error:...}) — nothing is relayed off the machine.
 *
 * <p>Needs root: Postfix's master runs as root and its services as the system user {@code postfix}.
 */
public final class Postfix implements AutoCloseable {

  private static final System.Logger LOGGER = System.getLogger(Postfix.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final int START_ATTEMPTS = 3;

  private final PostfixConfiguration configuration;
  private final ServerProcess process;

  private Postfix(PostfixConfiguration configuration, ServerProcess process) {
    this.configuration = configuration;
    this.process = process;
  }

  public static Postfix start(Dovecot dovecot, TestCertificates certificates) {
    Dovecot.requireRoot();
    for (int attempt = 1; ; attempt++) {
      Path directory = TemporaryDirectories.create("syncpost-postfix");
      try {
        return startIn(directory, dovecot, certificates);
      } catch (RuntimeException e) {
        TemporaryDirectories.delete(directory);
        if (attempt == START_ATTEMPTS || !String.valueOf(e.getMessage()).contains("in use")) {
          throw e;
        }
        LOGGER.log(System.Logger.Level.INFO, "a Postfix port was taken; starting again: {0}", e);
      }
    }
  }

  private static Postfix startIn(Path directory, Dovecot dovecot, TestCertificates certificates) {
    long started = System.nanoTime();
    PostfixConfiguration configuration =
        new PostfixConfiguration(
            directory,
            LoopbackPorts.free(),
            LoopbackPorts.free(),
            dovecot.lmtpPort(),
            dovecot.authSocket(),
            certificates);
    try {
      Files.createDirectories(configuration.configDirectory());
      // Postfix creates the queue's subdirectories itself; it insists the top is root's.
      Files.createDirectories(configuration.queueDirectory());
      createOwnedByPostfix(configuration.dataDirectory());
      writeSettled(configuration.configDirectory().resolve("main.cf"), configuration.mainCf());
      writeSettled(configuration.configDirectory().resolve("master.cf"), configuration.masterCf());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the Postfix configuration", e);
    }
    String configDirectory = configuration.configDirectory().toString();
    // start-fg keeps the master a descendant of this JVM (a plain "start" would detach it), so
    // it is stopped with the test even if "postfix stop" fails.
    ServerProcess process =
        ServerProcess.start(
            "Postfix",
            List.of("postfix", "-c", configDirectory, "start-fg"),
            directory.resolve("postfix.out"),
            () ->
                ExternalCommand.run(
                    STOP_TIMEOUT, directory, List.of("postfix", "-c", configDirectory, "stop")));
    try {
      process.awaitListening(
          START_TIMEOUT,
          configuration.log(),
          List.of(
              new InetSocketAddress("127.0.0.1", configuration.submissionPort()),
              new InetSocketAddress("127.0.0.1", configuration.smtpsPort()),
              new InetSocketAddress(
                  ServerCertificate.REVOKED.address(), configuration.smtpsPort())));
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Postfix ready in {0} ms: submission {1}, submissions {2}",
          (System.nanoTime() - started) / 1_000_000,
          configuration.submissionPort(),
          configuration.smtpsPort());
      return new Postfix(configuration, process);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  /** Submission on 127.0.0.1: STARTTLS required, then AUTH PLAIN or LOGIN as a Dovecot user. */
  public int submissionPort() {
    return configuration.submissionPort();
  }

  /** Submission over implicit TLS (SMTPS) on 127.0.0.1, then AUTH as a Dovecot user. */
  public int smtpsPort() {
    return configuration.smtpsPort();
  }

  /** Postfix's log: what it accepted, delivered over LMTP, or bounced. */
  public Path log() {
    return configuration.log();
  }

  /** {@code postfix stop}, waits for every Postfix process to end, deletes the queue. */
  @Override
  public void close() {
    try {
      process.close();
    } finally {
      TemporaryDirectories.delete(configuration.directory());
    }
  }

  /**
   * Writes a configuration file dated in the past. Postfix rereads a file modified within the last
   * second until it stops changing (300 ms a round, 2 s per start): an old date skips that wait.
   */
  private static void writeSettled(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Messages.DEFAULT_DATE.toInstant()));
  }

  private static void createOwnedByPostfix(Path directory) throws IOException {
    Files.createDirectories(directory);
    UserPrincipalLookupService names = directory.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view =
        Files.getFileAttributeView(directory, PosixFileAttributeView.class);
    view.setOwner(names.lookupPrincipalByName("postfix"));
  }
}
