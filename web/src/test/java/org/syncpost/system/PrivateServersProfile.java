package org.syncpost.system;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * The body of a profile on the tests' private servers — Dovecot over IMAPS and Postfix over SMTPS,
 * on the valid certificate's address, trusting the test CA — for a test to add its own settings to
 * (an added key replaces the one here).
 */
public final class PrivateServersProfile {

  private PrivateServersProfile() {}

  public static JsonObjectBuilder named(String name, MailServers servers) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("serverType", "IMAP_SMTP")
        .add(
            "incomingServer",
            ServerCertificate.VALID.address() + ":" + servers.dovecot().imapsPort())
        .add(
            "outgoingServer",
            ServerCertificate.VALID.address() + ":" + servers.postfix().smtpsPort())
        .add("trustedCertificatesPem", servers.certificates().caCertificatePem());
  }
}
