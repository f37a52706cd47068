package org.syncpost.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.syncpost.crypto.entity.SecretUnreadable;

/**
 * Authenticated encryption (AES-256-GCM) of credentials. A stored value reads {@code <key
 * id>:<base64(iv | ciphertext | tag)>}; the key id is also bound into the tag as associated data,
 * so a value cannot be moved under another key unnoticed.
 */
@ApplicationScoped
public class SecretCipher {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  @Inject KeyRing keyRing;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher() {}

  SecretCipher(KeyRing keyRing) {
    this.keyRing = keyRing;
  }

  public String encrypt(String clearText) {
    String keyId = keyRing.currentKeyId();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyRing.currentKey(), iv, keyId);
      byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
      byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return keyId + ":" + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption is not available in this JVM", e);
    }
  }

  public String decrypt(String stored) {
    String keyId = keyIdOf(stored);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(stored.substring(keyId.length() + 1));
    } catch (IllegalArgumentException notBase64) {
      throw new SecretUnreadable(
          "A stored credential is damaged (not base64); enter it again.", notBase64);
    }
    if (bytes.length <= IV_BYTES) {
      throw new SecretUnreadable("A stored credential is truncated; enter it again.");
    }
    try {
      byte[] iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyRing.key(keyId), iv, keyId);
      byte[] clear = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new SecretUnreadable(
          "A stored credential fails its integrity check under key '"
              + keyId
              + "' (wrong key or altered value); enter it again.",
          e);
    }
  }

  /** Re-encrypts a stored value under the current key; the clear text never leaves this class. */
  public String reencrypt(String stored) {
    return isUnderCurrentKey(stored) ? stored : encrypt(decrypt(stored));
  }

  public boolean isUnderCurrentKey(String stored) {
    return keyIdOf(stored).equals(keyRing.currentKeyId());
  }

  public static String keyIdOf(String stored) {
    int colon = stored.indexOf(':');
    if (colon <= 0) {
      throw new SecretUnreadable("A stored credential has no key id; enter it again.");
    }
    return stored.substring(0, colon);
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] iv, String keyId)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
