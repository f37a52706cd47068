package org.syncpost.container;

import static org.syncpost.container.UniqueNames.unique;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.directory.boundary.Queues;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.ActionAfterProcessing;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.MailboxSettings;
import org.syncpost.outgoing.boundary.Outbox;
import org.syncpost.outgoing.entity.OutgoingEmail;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.ProfileSettingsBuilder;
import org.syncpost.profile.entity.ServerType;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.EmailSettingsBuilder;
import org.syncpost.settings.entity.IncomingFilter;

/**
 * Mailboxes on a mail server the test runs on loopback (GreenMail, a scripted server), set up
 * through the facades as an administrator would — organisation settings, a profile, the mailbox's
 * credentials, test &amp; enable — so that the engines then work on them as in production. Called
 * through {@link AsAdministrator}, whose identity it passes on to the facades.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailServerMailboxes {

  /** Earlier than any message a test delivers: the process-from rule takes them all. */
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  @Inject Settings settings;
  @Inject Profiles profiles;
  @Inject Users users;
  @Inject Queues queues;
  @Inject Mailboxes mailboxes;
  @Inject MailboxTests tests;
  @Inject Emails emails;
  @Inject Outbox outbox;

  /** Where a mailbox reads and sends: plain (no TLS) ports on 127.0.0.1. */
  public record Servers(ServerType type, int incomingPort, int smtpPort) {}

  /**
   * A user's mailbox reading {@code login}'s {@code folders} (IMAP; over POP3 the one mailbox),
   * tested and enabled; its id.
   */
  public long userMailbox(Servers servers, String login, String password, String folders) {
    return userMailbox(servers, login, password, folders, DeliveryMethod.NONE);
  }

  private long userMailbox(
      Servers servers, String login, String password, String folders, DeliveryMethod outgoing) {
    return configured(
        newUserMailbox(), servers, login, password, ActionAfterProcessing.NONE, folders, outgoing);
  }

  /**
   * A user's mailbox reading {@code login}'s INBOX and sending through the profile's SMTP server
   * with the same credentials, tested and enabled for both; its id.
   */
  public long sendingMailbox(Servers servers, String login, String password) {
    return userMailbox(servers, login, password, "INBOX", DeliveryMethod.SERVER_SIDE_SYNC);
  }

  /** An email from the mailbox to {@code to}, pending and due now; its record's id. */
  public long queue(long mailboxId, String subject, String... to) {
    return outbox
        .create(
            new OutgoingEmail(
                mailboxId,
                List.of(to),
                null,
                null,
                subject,
                "Hello",
                null,
                null,
                null,
                false,
                false))
        .getId();
  }

  public EmailRecord email(long id) {
    return emails.find(id);
  }

  /**
   * A queue's mailbox reading {@code login}'s mail, deleting each message from the server once it
   * is processed when {@code deleteAfterProcessing}; tested and enabled; its id.
   */
  public long queueMailbox(
      Servers servers, String login, String password, boolean deleteAfterProcessing) {
    String name = unique("queue");
    long mailboxId =
        queues
            .mailboxIdOf(
                queues.create(
                    new QueueDetails(name, name + "@example.org", null, IncomingFilter.ALL_EMAIL)))
            .orElseThrow();
    return configured(
        mailboxId,
        servers,
        login,
        password,
        deleteAfterProcessing ? ActionAfterProcessing.DELETE : ActionAfterProcessing.NONE,
        "INBOX",
        DeliveryMethod.NONE);
  }

  /** The subjects of the mailbox's email records, oldest first. */
  public List<String> subjects(long mailboxId) {
    return emails
        .list(new EmailFilter(mailboxId, null, null, null, null, null, null, null), 0, 1000)
        .stream()
        .sorted(java.util.Comparator.comparing(EmailRecord::getId))
        .map(EmailRecord::getSubject)
        .toList();
  }

  public Mailbox mailbox(long mailboxId) {
    return mailboxes.find(mailboxId);
  }

  private long newUserMailbox() {
    String name = unique("user");
    return users
        .mailboxIdOf(users.create(new UserDetails(name, name + "@example.org", Set.of()), null))
        .orElseThrow();
  }

  private long configured(
      long mailboxId,
      Servers servers,
      String login,
      String password,
      ActionAfterProcessing afterProcessing,
      String folders,
      DeliveryMethod outgoing) {
    // plain connections to a server on loopback, and no approval step in the way
    settings.change(
        EmailSettingsBuilder.defaults()
            .allowNonSslEmail(true)
            .requireApproval(false, false)
            .build());
    ProfileSettingsBuilder profile =
        servers.type() == ServerType.POP3_SMTP
            ? ProfileSettingsBuilder.pop3()
            : ProfileSettingsBuilder.imap();
    long profileId =
        profiles
            .create(
                profile
                    .name(unique("engines"))
                    .useSsl(false)
                    .incomingServer("127.0.0.1")
                    .incomingPort(servers.incomingPort())
                    .outgoingServer("127.0.0.1")
                    .outgoingPort(servers.smtpPort())
                    .processEmailFrom(LONG_AGO)
                    .connectionTimeoutSeconds(10)
                    .build())
            .getId();
    Mailbox mailbox = mailboxes.find(mailboxId);
    mailboxes.update(
        mailboxId,
        new MailboxSettings(
            mailbox.getName(),
            mailbox.getEmail(),
            profileId,
            DeliveryMethod.SERVER_SIDE_SYNC,
            outgoing,
            DeliveryMethod.NONE,
            login,
            Secret.of(password),
            true,
            null,
            afterProcessing,
            null,
            folders,
            false,
            null,
            null));
    Mailbox tested = tests.testAndEnable(mailboxId, false);
    if (!tested.getIncoming().isEnabled()
        || (outgoing == DeliveryMethod.SERVER_SIDE_SYNC && !tested.getOutgoing().isEnabled())) {
      throw new IllegalStateException(
          "mailbox "
              + mailboxId
              + " failed its test: incoming "
              + tested.getIncoming().getStatus()
              + ", outgoing "
              + tested.getOutgoing().getStatus());
    }
    return mailboxId;
  }
}
