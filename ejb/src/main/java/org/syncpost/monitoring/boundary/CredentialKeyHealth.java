package org.syncpost.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.syncpost.crypto.control.SecretCipher;

/**
 * Ready when the credential key is loaded and works: a probe value is encrypted under the current
 * key and decrypted again. Without it no mailbox can sign in, so the node must not take work.
 */
@Readiness
@ApplicationScoped
public class CredentialKeyHealth implements HealthCheck {

  private static final String PROBE = "syncpost-key-probe";

  @Inject SecretCipher cipher;

  @Override
  public HealthCheckResponse call() {
    try {
      String sealed = cipher.encrypt(PROBE);
      boolean usable = PROBE.equals(cipher.decrypt(sealed));
      return HealthCheckResponse.named("credential-key")
          .status(usable)
          .withData("currentKey", SecretCipher.keyIdOf(sealed))
          .build();
    } catch (RuntimeException unusable) {
      // the messages of KeyRing and SecretCipher name files and key ids, never key material
      return HealthCheckResponse.named("credential-key")
          .down()
          .withData("error", unusable.getClass().getSimpleName() + ": " + unusable.getMessage())
          .build();
    }
  }
}
