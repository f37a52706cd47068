package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * The "server identity" credential source on a configured Payara Micro: the operator's Jakarta Mail
 * session {@code mail/syncpost}, created by the launcher from {@code SYNCPOST_POST_BOOT_COMMANDS}
 * as {@code server-config/payara-micro/post-boot-server-identity.asadmin} shows, its password left
 * in the server's environment, signs SyncPost in to Postfix for a mailbox that has no credentials.
 */
@Timeout(600)
class ServerIdentityIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  @Test
  void aMailboxWithoutCredentialsSendsAsTheServersMailSessionWhosePasswordStaysInTheEnvironment(
      @TempDir Path work) throws IOException {
    MailUser identity =
        servers.dovecot().addUser(unique("identity"), "identity-" + UUID.randomUUID());
    MailUser recipient = servers.dovecot().addUser(unique("recipient"), "recipient-password");
    Path commands = work.resolve("server-identity.asadmin");
    Files.writeString(commands, mailSessionCommand(identity.address()));

    try (SyncPostServer server =
        SyncPostServer.start(
            Map.of(
                "SYNCPOST_POST_BOOT_COMMANDS",
                commands.toString(),
                "SYNCPOST_SMTP_PASSWORD",
                identity.password()))) {
      Api admin = server.admin();
      long profileId = WorkingMailbox.profile(admin, servers, true);
      Reply asServer =
          admin.patch(
              "profiles/" + profileId,
              "{\"useSameSettingsForOutgoing\": false, \"outgoingCredentialSource\": \"SERVER_IDENTITY\"}");
      assertThat(asServer.status()).as(asServer.toString()).isEqualTo(200);
      MailUser sender = servers.dovecot().addUser(unique("sender"), "never-used");
      long mailboxId =
          IncomingMailbox.configureOn(
              admin,
              profileId,
              sender,
              true,
              null,
              settings ->
                  settings
                      .add("incomingDeliveryMethod", "NONE")
                      .add("allowCredentialUse", false)
                      .addNull("password"));
      admin.post("mailboxes/" + mailboxId + "/approve", "");
      JsonObject tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}").json();
      assertThat(tested.getString("outgoingStatus")).as(tested.toString()).isEqualTo("SUCCESS");

      long emailId =
          new WorkingMailbox(mailboxId, profileId, sender)
              .send(admin, recipient.address(), "Sent as the server");
      JsonObject sent =
          WorkingMailbox.awaitEmail(
              admin,
              emailId,
              email -> email.getString("status").equals("SENT"),
              Duration.ofMinutes(2));

      assertThat(sent.getString("status")).as(sent.toString()).isEqualTo("SENT");
      assertThat(
              servers
                  .dovecot()
                  .awaitMessageCount(recipient.name(), "INBOX", 1, Duration.ofMinutes(1)))
          .isEqualTo(1);
      assertThat(Files.readString(servers.postfix().log()))
          // Dovecot names its users without the domain
          .contains("sasl_username=" + identity.name())
          .doesNotContain("sasl_username=" + sender.name());
      try (Stream<Path> files = Files.walk(server.dataDir())) {
        assertThat(files.filter(Files::isRegularFile).filter(f -> contains(f, identity.password())))
            .as("files of the data directory with the mail session's password")
            .isEmpty();
      }
    }
  }

  /** The command of post-boot-server-identity.asadmin, for the private Postfix and {@code user}. */
  private static String mailSessionCommand(String user) throws IOException {
    String documented =
        Files.readAllLines(
                Path.of(System.getProperty("syncpost.serverConfig"))
                    .resolve("payara-micro/post-boot-server-identity.asadmin"))
            .stream()
            .filter(line -> line.startsWith("# create-javamail-resource"))
            .findFirst()
            .orElseThrow()
            .substring(2);
    return documented.replace("smtp.example.org", "127.0.0.1").replace("syncpost@example.org", user)
        + "\n";
  }

  private static boolean contains(Path file, String secret) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
          .contains(secret);
    } catch (IOException unreadable) {
      return false;
    }
  }
}
