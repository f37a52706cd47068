package org.syncpost.incoming.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name this node holds leases under: {@code syncpost.node-id} when configured; otherwise the
 * name kept in the data directory's {@code node-id} file, made once from the host name and a random
 * suffix. Two servers never share a data directory (the launcher's lock), so they never share a
 * name, while a restarted node keeps its own and takes its leases back at once instead of waiting
 * for them to run out.
 */
@ApplicationScoped
public class NodeIdentity {

  public static final String NODE_ID = "syncpost.node-id";
  static final String FILE_NAME = "node-id";
  private static final int MAX_LENGTH = 100;
  private static final System.Logger LOGGER = System.getLogger(NodeIdentity.class.getName());

  @Inject
  @ConfigProperty(name = NODE_ID)
  Optional<String> configured = Optional.empty();

  @Inject
  @ConfigProperty(name = "syncpost.data-dir", defaultValue = "data")
  String dataDir;

  private String name;
  private boolean stable;

  @PostConstruct
  void decide() {
    Optional<String> given = configured.filter(n -> !n.isBlank()).map(NodeIdentity::fitted);
    if (given.isPresent()) {
      name = given.get();
      stable = true;
      return;
    }
    try {
      name = kept(Path.of(dataDir, FILE_NAME));
      stable = true;
    } catch (UncheckedIOException unreadable) {
      // without a writable data directory the name lives as long as this run: leases of a
      // previous run then end by running out, as before
      LOGGER.log(
          System.Logger.Level.WARNING,
          "No node name kept in {0} ({1}): using one for this run only",
          dataDir,
          unreadable.getCause().toString());
      name = generated();
      stable = false;
    }
  }

  public String name() {
    return name;
  }

  /** Whether the name is the same after a restart (configured, or kept in the data directory). */
  public boolean isStable() {
    return stable;
  }

  /** The name in {@code file}, written there first when there is none yet. */
  static String kept(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
          Files.writeString(file, generated() + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
          // another start wrote it first: its name is the one
        }
      }
      String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (kept.isEmpty()) {
        throw new UncheckedIOException(new IOException(file + " is empty"));
      }
      return fitted(kept);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private static String generated() {
    return fitted(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static String fitted(String name) {
    return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unknown) {
      return "node";
    }
  }
}
