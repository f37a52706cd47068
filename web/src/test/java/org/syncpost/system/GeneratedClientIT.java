package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.client.ApiClient;
import org.syncpost.client.api.EmailsApi;
import org.syncpost.client.api.MailboxesApi;
import org.syncpost.client.api.ProfilesApi;
import org.syncpost.client.api.UsersApi;
import org.syncpost.client.model.Email;
import org.syncpost.client.model.Mailbox;
import org.syncpost.client.model.MailboxPatch;
import org.syncpost.client.model.NewEmail;
import org.syncpost.client.model.Profile;
import org.syncpost.client.model.ProfileInput;
import org.syncpost.client.model.TestAndEnableOptions;
import org.syncpost.client.model.User;
import org.syncpost.client.model.UserInput;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * What an integrator gets from the contract (ADR 0022): the admin guide's workflow driven only
 * through the Java client that openapi-generator makes of {@code openapi.yaml} at build time — a
 * profile for the private Dovecot and Postfix, a user with its mailbox, approval, test & enable, an
 * email sent and read back as SENT, and its record on the receiving mailbox.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class GeneratedClientIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final ProfilesApi profiles;
  private final UsersApi users;
  private final MailboxesApi mailboxes;
  private final EmailsApi emails;

  GeneratedClientIT(SyncPostServer server) {
    ApiClient client =
        new ApiClient()
            .setHttpClientBuilder(HttpClient.newBuilder().sslContext(Api.trustingSelfSigned()))
            .setRequestInterceptor(
                request ->
                    request.header("Authorization", basic("admin", SyncPostServer.ADMIN_PASSWORD)));
    client.updateBaseUri(server.httpsBase().resolve("api/v1").toString());
    profiles = new ProfilesApi(client);
    users = new UsersApi(client);
    mailboxes = new MailboxesApi(client);
    emails = new EmailsApi(client);
  }

  @Test
  void theAdminGuidesWorkflowRunsThroughTheGeneratedClient() throws Exception {
    Profile profile =
        profiles.createProfile(
            new ProfileInput()
                .name(unique("generated-client"))
                .serverType(ProfileInput.ServerTypeEnum.IMAP_SMTP)
                .incomingServer(
                    ServerCertificate.VALID.address() + ":" + servers.dovecot().imapsPort())
                .outgoingServer(
                    ServerCertificate.VALID.address() + ":" + servers.postfix().smtpsPort())
                .trustedCertificatesPem(servers.certificates().caCertificatePem())
                .connectionTimeoutSeconds(10));
    long sender = workingMailbox(profile.getId(), mailUser("sender"), true);
    MailUser recipient = mailUser("recipient");
    long receiver = workingMailbox(profile.getId(), recipient, false);
    String subject = unique("generated client");

    Email created =
        emails.sendEmail(
            new NewEmail()
                .senderMailboxId(sender)
                .to(List.of(recipient.address()))
                .subject(subject)
                .textBody("Sent through the generated client"),
            null);
    assertThat(created.getStatus()).isEqualTo(Email.StatusEnum.PENDING_SEND);
    Email sent =
        Eventually.lastWithin(
            Duration.ofSeconds(90),
            () -> emails.getEmail(created.getId()),
            email -> email.getStatus() == Email.StatusEnum.SENT);
    assertThat(sent.getMessageId()).isNotBlank();

    List<Email> received =
        Eventually.lastWithin(
            Duration.ofSeconds(90),
            () -> {
              mailboxes.syncMailbox(receiver);
              return emails.listEmails(
                  receiver,
                  "INCOMING",
                  null,
                  null,
                  null,
                  null,
                  subject,
                  null,
                  null,
                  null,
                  null,
                  null);
            },
            list -> !list.isEmpty());
    assertThat(received.get(0).getStatus()).isEqualTo(Email.StatusEnum.RECEIVED);
    assertThat(received.get(0).getMessageId()).isEqualTo(sent.getMessageId());
    assertThat(received.get(0).getTextBody()).contains("Sent through the generated client");
  }

  /** A user's mailbox on the profile, approved, tested and enabled: the guide's steps. */
  private long workingMailbox(long profileId, MailUser mailUser, boolean sends) throws Exception {
    User user = users.createUser(new UserInput().name(mailUser.name()).email(mailUser.address()));
    long id = user.getMailboxId();
    mailboxes.updateMailbox(
        id,
        new MailboxPatch()
            .profileId(profileId)
            .username(mailUser.address())
            .password(mailUser.password())
            .allowCredentialUse(true)
            .folders("INBOX")
            .incomingDeliveryMethod(MailboxPatch.IncomingDeliveryMethodEnum.SERVER_SIDE_SYNC)
            .outgoingDeliveryMethod(
                sends
                    ? MailboxPatch.OutgoingDeliveryMethodEnum.SERVER_SIDE_SYNC
                    : MailboxPatch.OutgoingDeliveryMethodEnum.NONE),
        null);
    assertThat(mailboxes.approveMailbox(id).getApprovalStatus())
        .isEqualTo(Mailbox.ApprovalStatusEnum.APPROVED);
    Mailbox tested = mailboxes.testAndEnableMailbox(id, new TestAndEnableOptions());
    assertThat(tested.getEnabledForIncoming()).as("%s", tested).isTrue();
    assertThat(tested.getEnabledForOutgoing()).as("%s", tested).isEqualTo(sends);
    return id;
  }

  private static MailUser mailUser(String prefix) {
    return servers.dovecot().addUser(unique(prefix), "pw-" + unique("secret"));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
