package org.syncpost.crypto.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.syncpost.crypto.control.KeyFiles.keyLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

  @TempDir Path dir;

  @Test
  void missingKeyFileIsGeneratedReadableByTheOwnerOnly() throws IOException {
    Path file = dir.resolve("keys/credential-keys");

    KeyFiles.loaded(file);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void keyFileDefaultsToKeysUnderTheDataDirectory() {
    KeyFiles.unloaded(Optional.empty(), dir.toString(), Optional.empty()).load();

    assertThat(dir.resolve("keys").resolve("credential-keys")).isRegularFile();
  }

  @Test
  void generatedKeyBecomesCurrent() throws IOException {
    Path file = dir.resolve("credential-keys");

    KeyRing ring = KeyFiles.loaded(file);

    assertThat(Files.readString(file)).startsWith(ring.currentKeyId() + "=");
  }

  @Test
  void lastKeyInTheFileIsCurrent() {
    Path file =
        KeyFiles.write(
            dir.resolve("credential-keys"), "# keys", keyLine("old", 1), "", keyLine("new", 2));

    assertThat(KeyFiles.loaded(file).currentKeyId()).isEqualTo("new");
  }

  @Test
  void configuredCurrentKeyWinsOverTheLastLine() {
    Path file =
        KeyFiles.write(dir.resolve("credential-keys"), keyLine("old", 1), keyLine("new", 2));

    assertThat(KeyFiles.loaded(file, Optional.of("old")).currentKeyId()).isEqualTo("old");
  }

  @Test
  void configuredCurrentKeyMissingFromTheFileIsRefused() {
    Path file = KeyFiles.write(dir.resolve("credential-keys"), keyLine("old", 1));

    assertThatThrownBy(() -> KeyFiles.loaded(file, Optional.of("gone")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'gone'");
  }

  @Test
  void keyThatIsNot32BytesIsRefused() {
    Path file = KeyFiles.write(dir.resolve("credential-keys"), "short=AAAAAAAAAAAAAAAAAAAAAA==");

    assertThatThrownBy(() -> KeyFiles.loaded(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'short'");
  }

  @Test
  void rotationIsRefusedWhenConfigurationChoosesTheCurrentKey() {
    Path file = KeyFiles.write(dir.resolve("credential-keys"), keyLine("old", 1));
    KeyRing ring = KeyFiles.loaded(file, Optional.of("old"));

    assertThatThrownBy(ring::rotate).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rotationAddsANewCurrentKeyAndKeepsTheOldOne() {
    Path file = KeyFiles.write(dir.resolve("credential-keys"), keyLine("old", 1));
    KeyRing ring = KeyFiles.loaded(file);
    var oldKey = ring.currentKey();

    String newId = ring.rotate();

    assertThat(List.of(ring.currentKeyId(), ring.key("old"))).containsExactly(newId, oldKey);
  }

  @Test
  void everyGeneratedKeyGetsItsOwnId() {
    KeyRing ring = KeyFiles.loaded(dir.resolve("credential-keys"));
    List<String> ids = new ArrayList<>(List.of(ring.currentKeyId()));

    for (int i = 0; i < 5; i++) {
      ids.add(ring.rotate());
    }

    assertThat(ids).doesNotHaveDuplicates();
  }
}
