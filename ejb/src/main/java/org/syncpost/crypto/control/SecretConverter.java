package org.syncpost.crypto.control;

import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.syncpost.crypto.entity.Secret;

/**
 * Encrypts every {@link Secret} column on its way to the database and decrypts it on the way back.
 */
@Converter
public class SecretConverter implements AttributeConverter<Secret, String> {

  @Inject SecretCipher cipher;

  @Override
  public String convertToDatabaseColumn(Secret secret) {
    return secret == null ? null : cipher.encrypt(secret.reveal());
  }

  @Override
  public Secret convertToEntityAttribute(String stored) {
    return stored == null ? null : Secret.of(cipher.decrypt(stored));
  }
}
