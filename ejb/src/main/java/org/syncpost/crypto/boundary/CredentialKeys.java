package org.syncpost.crypto.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Auditor;
import org.syncpost.crypto.control.KeyRing;
import org.syncpost.crypto.control.SecretCipher;
import org.syncpost.crypto.entity.KeyUsage;

/**
 * Key rotation for credentials at rest: add a key and make it current, re-encrypt every stored
 * value under it, and see which keys are still in use.
 */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class CredentialKeys {

  /** Every column that holds a {@code Secret}; a new secret column must be added here. */
  static final List<String[]> SECRET_COLUMNS =
      List.of(
          new String[] {"email_server_profile", "incoming_password"},
          new String[] {"email_server_profile", "outgoing_password"},
          new String[] {"email_server_profile", "oauth_client_secret"},
          new String[] {"email_server_profile", "oauth_private_key"},
          new String[] {"mailbox", "password"},
          new String[] {"mailbox_delegated_sign_in", "refresh_token"});

  @PersistenceContext EntityManager em;
  @Inject KeyRing keyRing;
  @Inject SecretCipher cipher;
  @Inject Auditor auditor;

  /** Generates a new key in the key file and makes it current. Existing values stay readable. */
  public KeyUsage rotate() {
    String keyId = keyRing.rotate();
    auditor.record("key-rotated", "credential-key", null, "new current key " + keyId);
    return usage();
  }

  /** Reads the key file again (after an operator edited it). */
  public KeyUsage reload() {
    keyRing.reload();
    return usage();
  }

  /**
   * Re-encrypts every stored credential that is not yet under the current key. Runs in one
   * transaction: it all moves, or nothing does.
   */
  public KeyUsage reencryptAll() {
    int changed = 0;
    for (String[] column : SECRET_COLUMNS) {
      for (Object[] row : rows(column)) {
        String stored = (String) row[1];
        if (!cipher.isUnderCurrentKey(stored)) {
          em.createNativeQuery("update " + column[0] + " set " + column[1] + " = ?1 where id = ?2")
              .setParameter(1, cipher.reencrypt(stored))
              .setParameter(2, row[0])
              .executeUpdate();
          changed++;
        }
      }
    }
    auditor.record(
        "credentials-reencrypted",
        "credential-key",
        null,
        changed + " value(s) now under " + keyRing.currentKeyId());
    return usage();
  }

  public KeyUsage usage() {
    Map<String, Long> perKey = new TreeMap<>();
    for (String[] column : SECRET_COLUMNS) {
      for (Object[] row : rows(column)) {
        perKey.merge(SecretCipher.keyIdOf((String) row[1]), 1L, Long::sum);
      }
    }
    return new KeyUsage(keyRing.currentKeyId(), perKey);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String[] column) {
    // table and column names come from the constant above, never from input
    return em.createNativeQuery(
            "select id, "
                + column[1]
                + " from "
                + column[0]
                + " where "
                + column[1]
                + " is not null")
        .getResultList();
  }
}
