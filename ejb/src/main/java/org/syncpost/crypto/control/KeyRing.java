package org.syncpost.crypto.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.crypto.entity.SecretUnreadable;

/**
 * The AES keys that protect credentials at rest, held outside the database.
 *
 * <p>The key file has one key per line, {@code <key id>=<base64 of 32 bytes>}; the last line is the
 * current key unless {@code syncpost.crypto.current-key} names another. Old lines stay so that
 * values written under them still decrypt. When the file does not exist it is created with one new
 * key (and a warning), which is what a first run on Payara Micro wants; operators of full servers
 * point the setting at a file they manage and back up.
 */
@ApplicationScoped
public class KeyRing {

  private static final System.Logger LOGGER = System.getLogger(KeyRing.class.getName());
  private static final int KEY_BYTES = 32;

  @Inject
  @ConfigProperty(name = "syncpost.crypto.key-file")
  Optional<String> configuredKeyFile;

  @Inject
  @ConfigProperty(name = "syncpost.data-dir", defaultValue = "data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "syncpost.crypto.current-key")
  Optional<String> configuredCurrentKey;

  private final SecureRandom random = new SecureRandom();
  private volatile Map<String, SecretKey> keys = Map.of();
  private volatile String currentKeyId;

  @PostConstruct
  void load() {
    Path file = keyFile();
    if (Files.notExists(file)) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "No credential encryption key file at {0}; generating one. Back it up: without it the"
              + " stored mailbox and profile passwords cannot be decrypted.",
          file);
      appendNewKey(file);
    }
    reload();
  }

  /** Reads the key file again, e.g. after an operator added a key. */
  public synchronized void reload() {
    Path file = keyFile();
    Map<String, SecretKey> read = new LinkedHashMap<>();
    String last = null;
    for (String line : readLines(file)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw new IllegalStateException(
            "Key file " + file + " has a line without '<key id>=<base64 key>'; fix or remove it.");
      }
      String id = trimmed.substring(0, equals).strip();
      byte[] material = Base64.getDecoder().decode(trimmed.substring(equals + 1).strip());
      if (material.length != KEY_BYTES) {
        throw new IllegalStateException(
            "Key '" + id + "' in " + file + " is not 32 bytes (AES-256); generate it again.");
      }
      read.put(id, new SecretKeySpec(material, "AES"));
      last = id;
    }
    String current = configuredCurrentKey.orElse(last);
    if (current == null || !read.containsKey(current)) {
      throw new IllegalStateException(
          "The current credential key '" + current + "' is not in " + file + ".");
    }
    keys = Map.copyOf(read);
    currentKeyId = current;
  }

  /** Adds a new key to the file and makes it current; values are re-encrypted separately. */
  public synchronized String rotate() {
    if (configuredCurrentKey.isPresent()) {
      throw new IllegalStateException(
          "syncpost.crypto.current-key is set, so the current key is chosen by configuration: add"
              + " the new key to the key file and change that setting instead.");
    }
    String id = appendNewKey(keyFile());
    reload();
    return id;
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  public SecretKey currentKey() {
    return keys.get(currentKeyId);
  }

  public SecretKey key(String id) {
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new SecretUnreadable(
          "A stored credential was encrypted with key '"
              + id
              + "', which is not in the key file; restore that key to read it.");
    }
    return key;
  }

  private Path keyFile() {
    return configuredKeyFile
        .map(Path::of)
        .orElse(Path.of(dataDir, "keys", "credential-keys"))
        .toAbsolutePath();
  }

  private String appendNewKey(Path file) {
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    String id = newKeyId();
    String line = id + "=" + Base64.getEncoder().encodeToString(material) + "\n";
    try {
      Files.createDirectories(file.getParent());
      if (Files.notExists(file)) {
        Files.createFile(file);
        restrictToOwner(file);
      }
      Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the credential key file " + file, e);
    }
    return id;
  }

  /** Random, so that keys made in the same instant (or on two nodes) never share an id. */
  private String newKeyId() {
    byte[] bits = new byte[5];
    String id;
    do {
      random.nextBytes(bits);
      id = "k" + HexFormat.of().formatHex(bits);
    } while (keys.containsKey(id));
    return id;
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      LOGGER.log(System.Logger.Level.WARNING, "Cannot restrict permissions of {0}", file);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the credential key file " + file, e);
    }
  }
}
