package org.syncpost.email.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.email.entity.DeliveryReport.RecipientOutcome;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.settings.entity.EmailSettingsBuilder;

class DeliveryReportedTest {

  private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

  private final Mailbox alice =
      Mailbox.of(
          new User(new UserDetails("alice", "alice@example.com", Set.of())),
          EmailSettingsBuilder.defaults().requireApproval(false, false).organisation(),
          null);

  private EmailRecord sentTo(String... to) {
    EmailRecord record =
        EmailRecord.outgoing(
            new EmailContent(
                "Offer", null, List.of(to), null, null, "Hello", null, null, null, null),
            alice,
            null,
            false);
    record.startSending(NOW, NOW.plusSeconds(60));
    record.sent(NOW, null);
    return record;
  }

  private static DeliveryReport report(RecipientOutcome... outcomes) {
    return new DeliveryReport("<x@example.com>", "Offer", List.of(outcomes));
  }

  private static RecipientOutcome failed(String recipient) {
    return new RecipientOutcome(recipient, "failed", "5.1.1", "550 5.1.1 User unknown");
  }

  @Test
  void anEmailEveryRecipientOfWhichFailedIsBouncedWithEachRecipientsReason() {
    EmailRecord record = sentTo("\"Bob\" <Bob@example.org>", "carol@example.org");

    record.deliveryReported(report(failed("bob@example.org")));
    EmailStatus afterOne = record.getStatus();
    record.deliveryReported(report(failed("carol@example.org")));

    assertThat(List.of(afterOne, record.getStatus()))
        .containsExactly(EmailStatus.SENT, EmailStatus.BOUNCED);
    assertThat(record.getDeliveryReport())
        .containsExactly(
            "bob@example.org: not delivered, the address does not exist (5.1.1; 550 5.1.1 User unknown)",
            "carol@example.org: not delivered, the address does not exist (5.1.1; 550 5.1.1 User unknown)");
  }

  @Test
  void aDelayedDeliveryIsShownButDoesNotBounceTheEmail() {
    EmailRecord record = sentTo("slow@example.org");

    record.deliveryReported(
        report(new RecipientOutcome("slow@example.org", "delayed", "4.4.7", null)));

    assertThat(record.getStatus()).isEqualTo(EmailStatus.SENT);
    assertThat(record.getDeliveryReport())
        .containsExactly("slow@example.org: delayed, the mail server keeps trying (4.4.7)");
  }

  @Test
  void aReceivedEmailCannotBeReportedOn() {
    EmailRecord received =
        EmailRecord.received(
            new EmailContent("Hi", "x@example.net", null, null, null, "", null, null, null, null),
            alice,
            NOW);

    assertThatThrownBy(() -> received.deliveryReported(report(failed("x@example.net"))))
        .isInstanceOf(IllegalEmailTransition.class);
  }
}
