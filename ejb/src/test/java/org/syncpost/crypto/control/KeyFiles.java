package org.syncpost.crypto.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/** Test fixture: key rings over key files in a test's temporary directory. */
final class KeyFiles {

  private KeyFiles() {}

  /** A key line {@code <id>=<base64 of 32 bytes>}; {@code fill} makes keys differ. */
  static String keyLine(String id, int fill) {
    byte[] material = new byte[32];
    java.util.Arrays.fill(material, (byte) fill);
    return id + "=" + Base64.getEncoder().encodeToString(material);
  }

  static Path write(Path file, String... lines) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, java.util.List.of(lines), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loaded ring over {@code file}, with the current key chosen by the file's last line. */
  static KeyRing loaded(Path file) {
    return loaded(file, Optional.empty());
  }

  static KeyRing loaded(Path file, Optional<String> currentKey) {
    KeyRing ring = unloaded(Optional.of(file.toString()), "unused-data-dir", currentKey);
    ring.load();
    return ring;
  }

  static KeyRing unloaded(Optional<String> keyFile, String dataDir, Optional<String> currentKey) {
    KeyRing ring = new KeyRing();
    ring.configuredKeyFile = keyFile;
    ring.dataDir = dataDir;
    ring.configuredCurrentKey = currentKey;
    return ring;
  }
}
