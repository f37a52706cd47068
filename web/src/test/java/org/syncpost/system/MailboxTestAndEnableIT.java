package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.MisbehavingServer.Behaviour;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * Test & enable against real servers: a private Dovecot and Postfix behind certificates of a test
 * CA with an OCSP responder, and real sockets that misbehave. Each failure must come back as the
 * mailbox's status and an alert with its own code and plain words.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(120)
class MailboxTestAndEnableIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final SyncPostServer server;
  private final Api admin;

  MailboxTestAndEnableIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  /**
   * A profile for the private servers: IMAPS on the valid certificate's address, SMTPS via Postfix.
   */
  private JsonObjectBuilder workingProfile() {
    return PrivateServersProfile.named(unique("dovecot"), servers)
        .add("connectionTimeoutSeconds", 5)
        .add("revocationCheck", "ON");
  }

  /** Creates a profile (changed by {@code adjust}) and an approved user mailbox on it. */
  private long mailboxOn(
      Consumer<JsonObjectBuilder> adjust, String mailboxPassword, String folders) {
    JsonObjectBuilder profile = workingProfile();
    adjust.accept(profile);
    Reply createdProfile = admin.post("profiles", profile.build().toString());
    assertThat(createdProfile.status()).as(createdProfile.toString()).isEqualTo(201);
    MailUser mailUser = servers.dovecot().addUser(unique("mbx"), "right-password");
    long mailboxId =
        IncomingMailbox.configureOn(
            admin,
            createdProfile.json().getJsonNumber("id").longValue(),
            mailUser,
            true,
            null,
            settings -> settings.add("password", mailboxPassword).add("folders", folders));
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    return mailboxId;
  }

  private long mailboxOn(Consumer<JsonObjectBuilder> adjust) {
    return mailboxOn(adjust, "right-password", "INBOX");
  }

  private JsonObject testAndEnable(long mailboxId) {
    Reply tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}");
    assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
    return tested.json();
  }

  private List<JsonObject> alertsOf(long mailboxId) {
    return admin.get("alerts?mailboxId=" + mailboxId).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /** Incoming status, alert code, and whether the alert text carries the expected words. */
  private String incomingFailure(long mailboxId, String expectedWords) {
    JsonObject mailbox = testAndEnable(mailboxId);
    JsonObject alert =
        alertsOf(mailboxId).stream()
            .filter(a -> a.getString("level").equals("ERROR"))
            .findFirst()
            .orElseThrow();
    return mailbox.getString("incomingStatus")
        + " enabled="
        + mailbox.getBoolean("enabledForIncoming")
        + " "
        + alert.getString("code")
        + " "
        + alert.getString("text").toLowerCase().contains(expectedWords);
  }

  @Test
  void aMailboxOnWorkingServersIsTestedEnabledAndItsOwnerIsTold() {
    long mailboxId = mailboxOn(profile -> {});

    JsonObject mailbox = testAndEnable(mailboxId);

    assertThat(
            mailbox.getString("incomingStatus")
                + " "
                + mailbox.getString("outgoingStatus")
                + " "
                + mailbox.getBoolean("enabledForIncoming")
                + " "
                + mailbox.getBoolean("enabledForOutgoing"))
        .isEqualTo("SUCCESS SUCCESS true true");
    assertThat(mailbox.getString("testCompletedOn")).isNotNull();
    assertThat(alertsOf(mailboxId))
        .extracting(a -> a.getString("level") + " " + a.getString("code"))
        .containsExactly("INFORMATION mailbox-enabled");
  }

  @Test
  void theConfirmationMessageArrivesInTheMailbox() {
    long mailboxId = mailboxOn(profile -> {});
    String address = admin.get("mailboxes/" + mailboxId).json().getString("email");
    String user = address.substring(0, address.indexOf('@'));

    admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{\"sendConfirmation\": true}");

    assertThat(
            servers.dovecot().awaitMessageCount(user, "INBOX", 1, java.time.Duration.ofSeconds(30)))
        .isEqualTo(1);
  }

  @Test
  void anUnknownHostIsReportedAsSuch() {
    long mailboxId = mailboxOn(p -> p.add("incomingServer", "mail.nonexistent.invalid:993"));

    assertThat(incomingFailure(mailboxId, "no host"))
        .isEqualTo("FAILURE enabled=false host-not-found true");
  }

  @Test
  void aClosedPortIsReportedAsConnectionRefused() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    long mailboxId = mailboxOn(p -> p.add("incomingServer", "127.0.0.1:" + closedPort));

    assertThat(incomingFailure(mailboxId, "refused"))
        .isEqualTo("FAILURE enabled=false connection-refused true");
  }

  @Test
  void aServerThatNeverAnswersIsReportedAsTimeout() {
    try (MisbehavingServer silent = MisbehavingServer.start(Behaviour.SILENT)) {
      long mailboxId =
          mailboxOn(
              p ->
                  p.add("incomingServer", "127.0.0.1:" + silent.port())
                      .add("connectionTimeoutSeconds", 2));

      assertThat(incomingFailure(mailboxId, "time"))
          .isEqualTo("FAILURE enabled=false timeout true");
    }
  }

  @Test
  void tlsSpokenToAPlainTextPortIsReportedAsHandshakeFailure() {
    long mailboxId =
        mailboxOn(p -> p.add("incomingServer", "127.0.0.1:" + servers.dovecot().imapPort()));

    assertThat(incomingFailure(mailboxId, "tls"))
        .isEqualTo("FAILURE enabled=false tls-handshake-failed true");
  }

  @Test
  void aCertificateFromAnUnknownAuthorityIsNotTrusted() {
    long mailboxId = mailboxOn(p -> p.remove("trustedCertificatesPem"));

    assertThat(incomingFailure(mailboxId, "trust"))
        .isEqualTo("FAILURE enabled=false certificate-untrusted true");
  }

  @Test
  void anExpiredCertificateIsReportedAsExpired() {
    long mailboxId =
        mailboxOn(
            p ->
                p.add(
                    "incomingServer",
                    ServerCertificate.EXPIRED.address() + ":" + servers.dovecot().imapsPort()));

    assertThat(incomingFailure(mailboxId, "expired"))
        .isEqualTo("FAILURE enabled=false certificate-expired true");
  }

  @Test
  void aCertificateForAnotherHostIsReportedAsWrongHost() {
    long mailboxId =
        mailboxOn(
            p ->
                p.add(
                    "incomingServer",
                    ServerCertificate.WRONG_HOST.address() + ":" + servers.dovecot().imapsPort()));

    assertThat(incomingFailure(mailboxId, "127.0.0.3"))
        .isEqualTo("FAILURE enabled=false certificate-wrong-host true");
  }

  @Test
  void aRevokedCertificateIsRefusedWithRevokedInTheAlert() {
    long mailboxId =
        mailboxOn(
            p ->
                p.add(
                    "incomingServer",
                    ServerCertificate.REVOKED.address() + ":" + servers.dovecot().imapsPort()));

    assertThat(incomingFailure(mailboxId, "revoked"))
        .isEqualTo("FAILURE enabled=false certificate-revoked true");
  }

  @Test
  void aWrongPasswordIsReportedAsAuthenticationFailure() {
    long mailboxId = mailboxOn(p -> {}, "wrong-password", "INBOX");

    assertThat(incomingFailure(mailboxId, "sign"))
        .isEqualTo("FAILURE enabled=false authentication-failed true");
  }

  @Test
  void aMissingFolderIsReportedByName() {
    long mailboxId = mailboxOn(p -> {}, "right-password", "INBOX,Projects/Missing");

    assertThat(incomingFailure(mailboxId, "projects/missing"))
        .isEqualTo("FAILURE enabled=false folder-not-found true");
  }

  @Test
  void aServerThatHangsUpIsReportedAsClosedConnection() {
    admin.patch("settings", "{\"allowNonSslEmail\": true}");
    try (MisbehavingServer hangUp = MisbehavingServer.start(Behaviour.HANG_UP)) {
      long mailboxId =
          mailboxOn(
              p ->
                  p.add("incomingServer", "127.0.0.1:" + hangUp.port())
                      .add("incomingUseSsl", false));

      assertThat(incomingFailure(mailboxId, "closed"))
          .isEqualTo("FAILURE enabled=false connection-closed true");
    } finally {
      admin.patch("settings", "{\"allowNonSslEmail\": false}");
    }
  }

  @Test
  void anSmtpServerRefusingToRelayIsReported() {
    admin.patch("settings", "{\"allowNonSslEmail\": true}");
    try (MisbehavingServer refusing = MisbehavingServer.start(Behaviour.SMTP_REFUSING_RELAY)) {
      long mailboxId =
          mailboxOn(
              p ->
                  p.add("outgoingServer", "127.0.0.1:" + refusing.port())
                      .add("outgoingUseSsl", false)
                      .add("useSameSettingsForOutgoing", true));

      JsonObject mailbox =
          admin
              .post("mailboxes/" + mailboxId + "/test-and-enable", "{\"sendConfirmation\": true}")
              .json();

      JsonObject alert =
          alertsOf(mailboxId).stream()
              .filter(a -> a.getString("level").equals("ERROR"))
              .findFirst()
              .orElseThrow();
      assertThat(
              mailbox.getString("incomingStatus")
                  + " "
                  + mailbox.getString("outgoingStatus")
                  + " "
                  + alert.getString("code"))
          .isEqualTo("SUCCESS FAILURE relay-refused");
      assertThat(alert.getString("details")).contains("554");
    } finally {
      admin.patch("settings", "{\"allowNonSslEmail\": false}");
    }
  }

  @Test
  void anUnapprovedMailboxIsTestedButNotEnabledAndTheAlertSaysWhy() {
    long mailboxId = mailboxOn(p -> {});
    admin.post("mailboxes/" + mailboxId + "/reject", "");

    JsonObject mailbox = testAndEnable(mailboxId);

    assertThat(mailbox.getString("incomingStatus") + " " + mailbox.getBoolean("enabledForIncoming"))
        .isEqualTo("SUCCESS false");
    assertThat(alertsOf(mailboxId))
        .filteredOn(a -> a.getString("code").equals("mailbox-not-approved"))
        .singleElement()
        .satisfies(a -> assertThat(a.getString("text")).contains("not approved"));
  }

  @Test
  void aRepeatedFailureIsOneAlertWithACount() {
    long mailboxId = mailboxOn(p -> {}, "wrong-password", "INBOX");

    testAndEnable(mailboxId);
    testAndEnable(mailboxId);

    assertThat(alertsOf(mailboxId))
        .filteredOn(a -> a.getString("code").equals("authentication-failed"))
        .extracting(a -> a.getInt("count"))
        .containsExactly(2);
  }
}
