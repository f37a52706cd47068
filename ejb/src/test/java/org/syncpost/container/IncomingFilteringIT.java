package org.syncpost.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.container.LoopbackGreenMail.PASSWORD;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.MailServerMailboxes.Servers;
import org.syncpost.directory.boundary.Queues;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.TrackingToken;
import org.syncpost.incoming.boundary.Incoming;
import org.syncpost.mailbox.entity.FilteredOut;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.EmailSettingsBuilder;
import org.syncpost.settings.entity.IncomingFilter;

/**
 * The incoming filter (issue 16) applied by the real engine against GreenMail: the organisation's
 * default, a user's and a queue's own method, each judged per mailbox; what a filter leaves out is
 * counted on the mailbox and stays on the server untouched.
 */
@ExtendWith(ArquillianExtension.class)
@Timeout(120)
class IncomingFilteringIT {

  @Inject AsAdministrator admin;
  @Inject MailServerMailboxes mailboxes;
  @Inject Incoming incoming;
  @Inject Users users;
  @Inject Queues queues;
  @Inject Settings settings;

  private GreenMail greenMail;

  @BeforeEach
  void startMailServer() {
    greenMail = LoopbackGreenMail.started();
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  private GreenMailUser account() {
    return LoopbackGreenMail.account(greenMail);
  }

  private Servers imap() {
    return LoopbackGreenMail.imap(greenMail);
  }

  private long userMailbox(GreenMailUser account, IncomingFilter own) throws Exception {
    long mailboxId =
        admin.call(() -> mailboxes.userMailbox(imap(), account.getLogin(), PASSWORD, "INBOX"));
    admin.run(
        () -> {
          User user = mailboxes.mailbox(mailboxId).getRegardingUser();
          users.update(
              user.getId(),
              new UserDetails(user.getName(), user.getEmail(), user.getRoles(), own),
              null);
        });
    return mailboxId;
  }

  private long queueMailbox(GreenMailUser account, IncomingFilter own, boolean delete)
      throws Exception {
    long mailboxId =
        admin.call(() -> mailboxes.queueMailbox(imap(), account.getLogin(), PASSWORD, delete));
    admin.run(
        () -> {
          Queue queue = mailboxes.mailbox(mailboxId).getRegardingQueue();
          queues.update(
              queue.getId(), new QueueDetails(queue.getName(), queue.getEmail(), null, own));
        });
    return mailboxId;
  }

  /** Set after the mailboxes: setting one up puts the organisation's defaults back. */
  private void organisationFilter(IncomingFilter filter) throws Exception {
    admin.run(
        () ->
            settings.change(
                EmailSettingsBuilder.from(settings.current().asEmailSettings())
                    .incomingFilter(filter)
                    .build()));
  }

  /** Cycles until the mailbox has nothing more waiting (a cycle takes at most a few messages). */
  private List<String> syncAndList(long mailboxId) throws Exception {
    for (int cycle = 0; cycle < 10; cycle++) {
      if (!admin.call(() -> incoming.syncNow(mailboxId)).moreWaiting()) {
        break;
      }
    }
    return admin.call(() -> mailboxes.subjects(mailboxId));
  }

  private FilteredOut filteredOut(long mailboxId) throws Exception {
    return admin.call(() -> mailboxes.mailbox(mailboxId)).getFilteredOut();
  }

  private static MimeMessage message(String subject, String from) throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("box@example.org"));
    message.setSubject(subject);
    message.setText("Hello from " + subject);
    message.setSentDate(new Date());
    message.saveChanges();
    message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@filter.test>");
    return message;
  }

  private static MimeMessage reply(String subject, String inReplyTo, String references)
      throws MessagingException {
    MimeMessage message = message(subject, "customer@example.net");
    if (inReplyTo != null) {
      message.setHeader("In-Reply-To", inReplyTo);
    }
    if (references != null) {
      message.setHeader("References", references);
    }
    return message;
  }

  /** An email SyncPost sent (created through the outbox: its Message-ID and token are set). */
  private EmailRecord sentBySyncPost(String to) throws Exception {
    GreenMailUser sender = account();
    long senderId = admin.call(() -> mailboxes.sendingMailbox(imap(), sender.getLogin(), PASSWORD));
    long id = admin.call(() -> mailboxes.queue(senderId, "our question", to));
    return admin.call(() -> mailboxes.email(id));
  }

  @Test
  void responsesToOurEmailTakesOnlyAnswersToEmailSyncPostSent() throws Exception {
    EmailRecord ours = sentBySyncPost("customer@example.net");
    GreenMailUser account = account();
    long mailboxId = userMailbox(account, IncomingFilter.RESPONSES_TO_OUR_EMAIL);
    String token = new TrackingToken(ours.getTrackingToken()).marker("SP");
    account.deliver(reply("by in-reply-to", ours.getMessageId(), null));
    account.deliver(reply("by references", null, "<root@elsewhere.test> " + ours.getMessageId()));
    account.deliver(reply("Re: our question " + token, null, null));
    account.deliver(reply("answers a stranger", "<unknown@elsewhere.test>", null));
    account.deliver(message("new mail", "customer@example.net"));

    List<String> recorded = syncAndList(mailboxId);

    assertThat(recorded)
        .containsExactly("by in-reply-to", "by references", "Re: our question " + token);
    assertThat(filteredOut(mailboxId).getCount()).isEqualTo(2);
    assertThat(filteredOut(mailboxId).getLastFrom()).contains("customer@example.net");
  }

  @Test
  void knownCorrespondentsTakesMailFromUsersQueuesAndAddressesOfEarlierRecords() throws Exception {
    EmailRecord ours = sentBySyncPost("Partner@Example.net");
    GreenMailUser other = account();
    long otherMailbox = userMailbox(other, null);
    other.deliver(message("from an earlier sender", "earlier@example.net"));
    syncAndList(otherMailbox);
    String userAddress = admin.call(() -> mailboxes.mailbox(otherMailbox)).getEmail();
    GreenMailUser account = account();
    long mailboxId = queueMailbox(account, IncomingFilter.KNOWN_CORRESPONDENTS, false);
    String queueAddress = admin.call(() -> mailboxes.mailbox(mailboxId)).getEmail();
    account.deliver(message("from a user", userAddress.toUpperCase()));
    account.deliver(message("from a queue", "\"Support\" <" + queueAddress + ">"));
    account.deliver(message("from a recipient of ours", "partner@example.net"));
    account.deliver(message("from an earlier sender again", "Earlier <earlier@example.net>"));
    account.deliver(message("from a stranger", stranger()));
    String nearMiss = "x" + UUID.randomUUID().toString().substring(0, 8) + "partner@example.net";
    account.deliver(message("from a near miss", nearMiss));

    List<String> recorded = syncAndList(mailboxId);

    assertThat(ours.getTo()).isNotEmpty();
    assertThat(recorded)
        .containsExactly(
            "from a user",
            "from a queue",
            "from a recipient of ours",
            "from an earlier sender again");
    assertThat(filteredOut(mailboxId).getCount()).isEqualTo(2);
    assertThat(filteredOut(mailboxId).getLastFrom()).isEqualTo(nearMiss);
  }

  @Test
  void noneLeavesEveryMessageOnTheServerUntouchedAndCountsItOnce() throws Exception {
    GreenMailUser account = account();
    // the action after processing would delete a record's message: these never become records
    long mailboxId = queueMailbox(account, IncomingFilter.NONE, true);
    account.deliver(message("first", "customer@example.net"));
    account.deliver(message("second", "customer@example.net"));

    List<String> first = syncAndList(mailboxId);
    List<String> second = syncAndList(mailboxId);

    assertThat(first).isEmpty();
    assertThat(second).isEmpty();
    assertThat(filteredOut(mailboxId).getCount()).isEqualTo(2);
    assertThat(filteredOut(mailboxId).getLastMessageId()).endsWith("@filter.test>");
    List<StoredMessage> onServer =
        greenMail.getManagers().getImapHostManager().getInbox(account).getMessages();
    assertThat(onServer).hasSize(2);
    assertThat(onServer)
        .allSatisfy(kept -> assertThat(kept.getFlags().contains(Flags.Flag.DELETED)).isFalse());
  }

  @Test
  void theOrganisationDefaultAppliesWhereAUserOrQueueHasNoMethodOfItsOwn() throws Exception {
    GreenMailUser following = account();
    GreenMailUser overriding = account();
    long followingMailbox = userMailbox(following, null);
    long overridingMailbox = queueMailbox(overriding, IncomingFilter.ALL_EMAIL, false);
    organisationFilter(IncomingFilter.NONE);
    following.deliver(message("to the follower", "customer@example.net"));
    overriding.deliver(message("to the overrider", "customer@example.net"));

    List<String> follower = syncAndList(followingMailbox);
    List<String> overrider = syncAndList(overridingMailbox);

    assertThat(follower).isEmpty();
    assertThat(overrider).containsExactly("to the overrider");
    assertThat(filteredOut(followingMailbox).getCount()).isEqualTo(1);
    assertThat(filteredOut(overridingMailbox).getCount()).isZero();
  }

  @Test
  void allEmailTakesEveryMessage() throws Exception {
    GreenMailUser account = account();
    long mailboxId = userMailbox(account, IncomingFilter.ALL_EMAIL);
    organisationFilter(IncomingFilter.NONE);
    account.deliver(message("a stranger's", stranger()));
    account.deliver(reply("a reply to nothing", "<unknown@elsewhere.test>", null));

    assertThat(syncAndList(mailboxId)).containsExactly("a stranger's", "a reply to nothing");
    assertThat(filteredOut(mailboxId).getCount()).isZero();
  }

  /** A sender no earlier test made known (the tests share one database). */
  private static String stranger() {
    return "stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
  }
}
