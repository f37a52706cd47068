package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.ConnectionCountingProxy;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/** The guide's "Test & Enable Mailboxes" on a profile: every mailbox of it, as a background job. */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class ProfileTestAndEnableIT {

  private static final int MAILBOXES = 50;
  private static final int MAX_CONNECTIONS = 3;

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final Api admin;

  ProfileTestAndEnableIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void allFiftyMailboxesAreTestedAsAJobWithinTheProfilesConnectionLimit() throws Exception {
    try (ConnectionCountingProxy imap =
            ConnectionCountingProxy.forwardingTo(
                ServerCertificate.VALID.address(), servers.dovecot().imapsPort());
        ConnectionCountingProxy smtp =
            ConnectionCountingProxy.forwardingTo(
                ServerCertificate.VALID.address(), servers.postfix().smtpsPort())) {
      long profileId = profileBehind(imap, smtp);
      List<Long> mailboxes = new ArrayList<>();
      for (int i = 0; i < MAILBOXES; i++) {
        mailboxes.add(approvedMailboxOn(profileId, i == 7 ? "wrong-password" : "right-password"));
      }

      Reply accepted = admin.post("profiles/" + profileId + "/test-and-enable", "");
      List<JsonObject> progress = followUntilFinished(accepted.header("Location"));

      JsonObject finished = progress.get(progress.size() - 1);
      assertThat(accepted.status()).isEqualTo(202);
      assertThat(progress)
          .as("progress seen while the job ran")
          .anySatisfy(p -> assertThat(p.getInt("done")).isBetween(1, MAILBOXES - 1));
      assertThat(
              finished.getString("status")
                  + " "
                  + finished.getInt("done")
                  + "/"
                  + finished.getInt("total"))
          .isEqualTo("COMPLETED_WITH_FAILURES 50/50");
      assertThat(finished.getJsonArray("results").stream().map(JsonValue::asJsonObject))
          .filteredOn(r -> r.getString("outcome").equals("FAILED"))
          .extracting(r -> r.getJsonNumber("mailboxId").longValue())
          .containsExactly(mailboxes.get(7));
      assertThat(imap.peakConnections()).isBetween(1, MAX_CONNECTIONS);
      assertThat(smtp.peakConnections()).isBetween(1, MAX_CONNECTIONS);
      assertThat(imap.totalConnections()).isGreaterThanOrEqualTo(MAILBOXES);
    }
  }

  private long profileBehind(ConnectionCountingProxy imap, ConnectionCountingProxy smtp) {
    Reply profile =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", unique("fifty"))
                .add("serverType", "IMAP_SMTP")
                .add("incomingServer", imap.host() + ":" + imap.port())
                .add("outgoingServer", smtp.host() + ":" + smtp.port())
                .add("maxConcurrentConnections", MAX_CONNECTIONS)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    return profile.json().getJsonNumber("id").longValue();
  }

  private long approvedMailboxOn(long profileId, String password) {
    MailUser mailUser = servers.dovecot().addUser(unique("bulk"), "right-password");
    long mailboxId =
        IncomingMailbox.configureOn(
            admin, profileId, mailUser, true, null, settings -> settings.add("password", password));
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    return mailboxId;
  }

  /** Reads the job as an administrator watching it would, until it has finished. */
  private List<JsonObject> followUntilFinished(String jobUrl) throws InterruptedException {
    List<JsonObject> seen = new ArrayList<>();
    Eventually.within(
        Duration.ofMinutes(4),
        "the job " + jobUrl + " to finish",
        () -> {
          JsonObject job = admin.get(jobUrl).json();
          seen.add(job);
          return job;
        },
        job ->
            job.getString("status").startsWith("COMPLETED")
                || job.getString("status").equals("FAILED"));
    return seen;
  }
}
