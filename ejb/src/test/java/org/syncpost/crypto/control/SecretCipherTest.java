package org.syncpost.crypto.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.syncpost.crypto.control.KeyFiles.keyLine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncpost.crypto.entity.SecretUnreadable;

class SecretCipherTest {

  private static final String CLEAR = "correct horse battery staple";

  @TempDir Path dir;

  private KeyRing ring;
  private SecretCipher cipher;

  @BeforeEach
  void ringWithOneKey() {
    ring = KeyFiles.loaded(KeyFiles.write(dir.resolve("credential-keys"), keyLine("first", 1)));
    cipher = new SecretCipher(ring);
  }

  /** Replaces the character at {@code index} with another base64 character. */
  private static String flipped(String stored, int index) {
    char replacement = stored.charAt(index) == 'A' ? 'B' : 'A';
    return stored.substring(0, index) + replacement + stored.substring(index + 1);
  }

  @Test
  void encryptedValueDecryptsToTheClearText() {
    assertThat(cipher.decrypt(cipher.encrypt(CLEAR))).isEqualTo(CLEAR);
  }

  @Test
  void nonAsciiClearTextSurvivesTheRoundTrip() {
    assertThat(cipher.decrypt(cipher.encrypt("Pässwörd-密码"))).isEqualTo("Pässwörd-密码");
  }

  @Test
  void storedValueNamesItsKeyAndHidesTheClearText() {
    assertThat(cipher.encrypt(CLEAR)).startsWith("first:").doesNotContain(CLEAR);
  }

  @Test
  void encryptingTheSameTextTwiceGivesDifferentValues() {
    assertThat(cipher.encrypt(CLEAR)).isNotEqualTo(cipher.encrypt(CLEAR));
  }

  @Test
  void alteredValueIsUnreadable() {
    String stored = cipher.encrypt(CLEAR);
    String altered = flipped(stored, "first:".length() + 20);

    assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(SecretUnreadable.class);
  }

  @Test
  void valueUnderAnUnknownKeyIsUnreadableNamingTheKeyButNotTheClearText() {
    KeyRing elsewhere =
        KeyFiles.loaded(KeyFiles.write(dir.resolve("other/keys"), keyLine("elsewhere", 9)));
    String foreign = new SecretCipher(elsewhere).encrypt(CLEAR);

    assertThatThrownBy(() -> cipher.decrypt(foreign))
        .isInstanceOf(SecretUnreadable.class)
        .hasMessageContaining("'elsewhere'")
        .message()
        .doesNotContain(CLEAR);
  }

  @Test
  void valueRelabelledUnderAnotherKnownKeyIsUnreadable() {
    KeyRing twoKeys =
        KeyFiles.loaded(
            KeyFiles.write(dir.resolve("two/keys"), keyLine("first", 1), keyLine("second", 2)));
    SecretCipher twoKeyCipher = new SecretCipher(twoKeys);
    String underSecond = twoKeyCipher.encrypt(CLEAR);
    String relabelled = "first" + underSecond.substring("second".length());

    assertThatThrownBy(() -> twoKeyCipher.decrypt(relabelled)).isInstanceOf(SecretUnreadable.class);
  }

  @Test
  void truncatedValueIsUnreadable() {
    assertThatThrownBy(() -> cipher.decrypt("first:AAAA")).isInstanceOf(SecretUnreadable.class);
  }

  @Test
  void valueWithoutKeyIdIsUnreadable() {
    assertThatThrownBy(() -> cipher.decrypt("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .isInstanceOf(SecretUnreadable.class);
  }

  @Test
  void valueAlteredIntoInvalidBase64IsUnreadable() {
    String stored = cipher.encrypt(CLEAR);
    int index = "first:".length() + 20;
    String altered = stored.substring(0, index) + '*' + stored.substring(index + 1);

    assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(SecretUnreadable.class);
  }

  @Test
  void valuesUnderTheOldAndTheNewKeyBothDecryptAfterRotation() {
    String underOld = cipher.encrypt("old secret");
    ring.rotate();
    String underNew = cipher.encrypt("new secret");

    assertThat(List.of(cipher.decrypt(underOld), cipher.decrypt(underNew)))
        .containsExactly("old secret", "new secret");
  }

  @Test
  void valueUnderTheOldKeyIsNotUnderTheCurrentKeyAfterRotation() {
    String underOld = cipher.encrypt(CLEAR);

    ring.rotate();

    assertThat(cipher.isUnderCurrentKey(underOld)).isFalse();
  }

  @Test
  void reencryptionMovesAnOldValueUnderTheNewKey() {
    String underOld = cipher.encrypt(CLEAR);
    String newId = ring.rotate();

    String moved = cipher.reencrypt(underOld);

    assertThat(List.of(SecretCipher.keyIdOf(moved), cipher.decrypt(moved)))
        .containsExactly(newId, CLEAR);
  }

  @Test
  void reencryptionLeavesAValueUnderTheCurrentKeyAsItIs() {
    String current = cipher.encrypt(CLEAR);

    assertThat(cipher.reencrypt(current)).isEqualTo(current);
  }
}
