package org.syncpost.email.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.settings.entity.EmailSettingsBuilder;
import org.syncpost.settings.entity.OrganisationSettings;

class EmailRecordTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private final Instant now = clock.instant();
  private final Mailbox alice = Mailbox.of(aliceUser(), organisation(), null);

  private static User aliceUser() {
    return new User(new UserDetails("alice", "alice@example.com", Set.of(Role.MAILBOX_OWNER)));
  }

  private static OrganisationSettings organisation() {
    return EmailSettingsBuilder.defaults().requireApproval(false, false).organisation();
  }

  private EmailRecord pending() {
    return EmailRecord.outgoing(content(), alice, null, false);
  }

  private static EmailContent content() {
    return new EmailContent(
        "Quarterly report",
        null,
        List.of("bob@example.org"),
        null,
        null,
        "Hello",
        null,
        null,
        null,
        null);
  }

  private EmailRecord sending() {
    EmailRecord record = pending();
    record.startSending(now, now.plusSeconds(300));
    return record;
  }

  @Test
  void aNewOutgoingEmailIsPendingFromItsSenderWithAMessageIdOfTheSendersDomain() {
    EmailRecord record = pending();

    assertThat(record.getStatus() + " " + record.getDirection() + " " + record.getFrom())
        .isEqualTo("PENDING_SEND OUTGOING alice@example.com");
    assertThat(record.getMessageId()).matches("<[0-9a-f-]{36}@example\\.com>");
  }

  @Test
  void aDraftWaitsUntilItIsSubmitted() {
    EmailRecord draft = EmailRecord.outgoing(content(), alice, null, true);
    assertThat(draft.getStatus()).isEqualTo(EmailStatus.DRAFT);

    draft.submit();

    assertThat(draft.getStatus()).isEqualTo(EmailStatus.PENDING_SEND);
  }

  @Test
  void theMessageIdIsAssignedOnceAndStaysAcrossRetries() {
    EmailRecord record = sending();
    String first = record.getMessageId();

    record.retryLater("451 try later", now.plusSeconds(60));
    record.assignMessageId();
    record.startSending(now.plusSeconds(60), now.plusSeconds(360));

    assertThat(record.getMessageId()).isEqualTo(first);
  }

  @Test
  void eachAttemptIsCountedAndATransientFailureWaitsForItsNextAttempt() {
    EmailRecord record = sending();
    record.retryLater("451 4.3.0 try again", now.plusSeconds(60));
    record.startSending(now.plusSeconds(60), now.plusSeconds(360));
    record.retryLater("451 4.3.0 try again", now.plusSeconds(180));

    assertThat(
            record.getStatus()
                + " "
                + record.getDeliveryAttempts()
                + " "
                + record.getNextAttemptAt()
                + " "
                + record.getLastDeliveryError())
        .isEqualTo("PENDING_SEND 2 2026-11-26T10:03:00Z 451 4.3.0 try again");
  }

  @Test
  void aSentEmailKeepsItsSentOnAndWhichRecipientsWereRefused() {
    EmailRecord record = sending();

    record.sent(now, "refused carol@example.org: 550 no such user");

    assertThat(record.getStatus() + " " + record.getSentOn() + " " + record.getLastDeliveryError())
        .isEqualTo("SENT 2026-11-26T10:00:00Z refused carol@example.org: 550 no such user");
    assertThat(record.getSendingLeaseUntil()).isNull();
  }

  @Test
  void anEmailReturnedUnsentDoesNotCountTheAttempt() {
    EmailRecord record = sending();

    record.returnUnsent("authentication failed");

    assertThat(record.getStatus() + " " + record.getDeliveryAttempts()).isEqualTo("PENDING_SEND 0");
  }

  @Test
  void aFailedEmailCannotBeCanceledOrSentAgain() {
    EmailRecord record = sending();
    record.fail("550 5.1.1 user unknown", now);

    assertThatThrownBy(record::cancel)
        .isInstanceOf(IllegalEmailTransition.class)
        .hasMessageContaining("FAILED");
    assertThatThrownBy(() -> record.startSending(now, now.plusSeconds(1)))
        .isInstanceOf(IllegalEmailTransition.class);
  }

  @Test
  void onlyDraftsAndPendingEmailsCanBeCanceled() {
    EmailRecord pending = pending();
    EmailRecord draft = EmailRecord.outgoing(content(), alice, null, true);
    EmailRecord sending = sending();

    pending.cancel();
    draft.cancel();

    assertThat(pending.getStatus() + " " + draft.getStatus()).isEqualTo("CANCELED CANCELED");
    assertThatThrownBy(sending::cancel).isInstanceOf(IllegalEmailTransition.class);
  }

  @Test
  void sendNowDropsTheSendAtTimeOfAPendingEmail() {
    EmailRecord later = EmailRecord.outgoing(content(), alice, now.plusSeconds(3_600), false);

    later.sendNow();

    assertThat(later.getSendAt()).isNull();
  }

  @Test
  void aDraftCannotBeTakenForSendingBeforeItIsSubmitted() {
    EmailRecord draft = EmailRecord.outgoing(content(), alice, null, true);

    assertThatThrownBy(() -> draft.startSending(now, now.plusSeconds(300)))
        .isInstanceOf(IllegalEmailTransition.class)
        .hasMessageContaining("DRAFT");
  }

  @Test
  void aReceivedRecordIsSharedWithAnotherMailboxOnlyForTheSameDelivery() {
    Mailbox bob =
        Mailbox.of(
            new User(new UserDetails("bob", "bob@example.com", Set.of(Role.MAILBOX_OWNER))),
            organisation(),
            null);
    EmailRecord received = EmailRecord.received(content(), alice, now, null, "key-1");

    assertThatThrownBy(() -> received.alsoReceivedBy(bob, "key-2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> received.alsoReceivedBy(bob, null))
        .isInstanceOf(IllegalArgumentException.class);
    received.alsoReceivedBy(bob, "key-1");

    assertThat(received.getReceivingMailboxes()).containsExactlyInAnyOrder(alice, bob);
  }

  @Test
  void aRecordWithoutDeliveryKeyIsNeverSharedWithAnotherMailbox() {
    Mailbox bob =
        Mailbox.of(
            new User(new UserDetails("bob", "bob@example.com", Set.of(Role.MAILBOX_OWNER))),
            organisation(),
            null);
    EmailRecord received = EmailRecord.received(content(), alice, now, null, null);

    assertThatThrownBy(() -> received.alsoReceivedBy(bob, null))
        .isInstanceOf(IllegalArgumentException.class);
    received.alsoReceivedBy(alice, null);

    assertThat(received.getReceivingMailboxes()).containsExactly(alice);
  }

  @Test
  void aReceivedEmailKeepsWhenItWasSent() {
    Instant sent = Instant.parse("2026-11-25T08:00:00Z");

    EmailRecord record = EmailRecord.received(content(), alice, now, sent, null);

    assertThat(record.getSentOn()).isEqualTo(sent);
    assertThat(record.getReceivedOn()).isEqualTo(now);
  }
}
