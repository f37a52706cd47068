package org.syncpost.outgoing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.control.FailureTranslator;
import org.syncpost.mailserver.control.MailSessions;
import org.syncpost.mailserver.control.TrustPolicy;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TlsMode;
import org.syncpost.mailserver.entity.TrustSettings;
import org.syncpost.outgoing.entity.DeliveryOutcome;
import org.syncpost.outgoing.entity.DeliveryOutcome.Kind;
import org.syncpost.outgoing.entity.OutgoingMessage;
import org.syncpost.testing.mail.ScriptedSmtpServer;

/**
 * The outgoing engine's SMTP side against a scripted server on loopback, in-process: how each reply
 * class decides a message's fate (RFC 5321 §4.2.1) — 2xx sent, 4xx try again later, 5xx failed —
 * message by message over one connection, and recipient by recipient within a message. The same
 * {@link SmtpSubmitter} the sender uses, with its collaborators made by hand (none of them touches
 * the database).
 */
@Timeout(30)
class SmtpSubmitterIT {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private final SmtpSubmitter submitter = submitter();

  private static SmtpSubmitter submitter() {
    FailureTranslator translator = new FailureTranslator();
    SmtpSubmitter submitter = new SmtpSubmitter();
    submitter.sessions = new MailSessions(new TrustPolicy(), translator);
    submitter.translator = translator;
    submitter.composer = new MessageComposer();
    submitter.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return submitter;
  }

  private static Endpoint smtp(ScriptedSmtpServer server) {
    return new Endpoint(
        MailProtocol.SMTP,
        "127.0.0.1",
        server.port(),
        TlsMode.STARTTLS_IF_OFFERED,
        5,
        "sender@example.org",
        Secret.of("not-a-real-password"),
        AuthProtocol.AUTO_DETECT,
        new TrustSettings(null, RevocationCheck.ON),
        "mailbox-1-outgoing",
        10);
  }

  private static OutgoingMessage email(long recordId, String... to) {
    return new OutgoingMessage(
        recordId,
        1,
        "<" + UUID.randomUUID() + "@syncpost.test>",
        "sender@example.org",
        List.of(to),
        List.of(),
        List.of(),
        "Order " + recordId,
        "Hello",
        null,
        null,
        List.of(),
        List.of(),
        false);
  }

  /** Submits {@code emails} over one connection; each record's outcome, in order. */
  private Map<Long, DeliveryOutcome> submit(ScriptedSmtpServer server, OutgoingMessage... emails) {
    Map<Long, DeliveryOutcome> outcomes = new LinkedHashMap<>();
    submitter.submit(
        smtp(server),
        List.of(emails),
        (email, outcome) -> outcomes.put(email.recordId(), outcome),
        null);
    return outcomes;
  }

  private static List<String> kinds(Map<Long, DeliveryOutcome> outcomes) {
    List<String> kinds = new ArrayList<>();
    outcomes.forEach((id, outcome) -> kinds.add(id + " " + outcome.kind()));
    return kinds;
  }

  @Test
  void aBusyServerMakesThatMessageTryAgainLaterAndTheNextOneStillGoes() {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.busyFor(1)) {
      OutgoingMessage first = email(1, "customer@example.net");
      OutgoingMessage second = email(2, "customer@example.net");

      Map<Long, DeliveryOutcome> outcomes = submit(server, first, second);

      assertThat(kinds(outcomes)).containsExactly("1 TRANSIENT", "2 SENT");
      assertThat(outcomes.get(1L).text()).contains("451 4.3.0");
      assertThat(server.acceptedMessageIds()).containsExactly(second.messageId());
    }
  }

  @Test
  void aPermanentRefusalOfTheMessageFailsItForGood() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.answeringMessages("554 5.7.1 Message rejected as spam")) {

      Map<Long, DeliveryOutcome> outcomes = submit(server, email(1, "customer@example.net"));

      assertThat(kinds(outcomes)).containsExactly("1 PERMANENT");
      assertThat(outcomes.get(1L).text()).contains("554 5.7.1 Message rejected as spam");
    }
  }

  @Test
  void aMessageAcceptedForSomeRecipientsIsSentAndNamesTheRefusedOnes() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.answeringRecipients(
            Map.of("nobody@example.net", "550 5.1.1 No such user"))) {

      Map<Long, DeliveryOutcome> outcomes =
          submit(server, email(1, "customer@example.net", "nobody@example.net"));

      assertThat(outcomes.get(1L).kind()).isEqualTo(Kind.SENT);
      assertThat(outcomes.get(1L).refusedRecipients())
          .startsWith("Accepted for customer@example.net; ")
          .contains("refused nobody@example.net")
          .contains("550 5.1.1 No such user");
      assertThat(server.offeredMessageIds()).hasSize(1);
    }
  }

  @Test
  void aMessageWhoseOnlyRecipientIsRefusedForNowIsTriedAgainLater() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.answeringRecipients(
            Map.of("full@example.net", "452 4.2.2 Mailbox full"))) {

      Map<Long, DeliveryOutcome> outcomes = submit(server, email(1, "full@example.net"));

      assertThat(kinds(outcomes)).containsExactly("1 TRANSIENT");
      assertThat(server.offeredMessageIds()).isEmpty();
    }
  }

  @Test
  void aMessageWhoseRecipientsAreAllRefusedForGoodFails() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.refusingRecipients("550 5.1.1 No such user")) {

      Map<Long, DeliveryOutcome> outcomes =
          submit(server, email(1, "a@example.net", "b@example.net"), email(2, "c@example.net"));

      assertThat(kinds(outcomes)).containsExactly("1 PERMANENT", "2 PERMANENT");
      assertThat(outcomes.get(1L).text()).contains("550 5.1.1");
    }
  }

  @Test
  void whenNoRecipientTookTheMessageARefusalForGoodOutweighsOneForNow() {
    // the highest reply class among the refused recipients decides (SmtpSubmitter.replyCode)
    Map<String, String> replies =
        Map.of("full@example.net", "452 4.2.2 Mailbox full", "gone@example.net", "550 5.1.1 Gone");
    try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipients(replies)) {

      Map<Long, DeliveryOutcome> outcomes =
          submit(server, email(1, "full@example.net", "gone@example.net"));

      assertThat(kinds(outcomes)).containsExactly("1 PERMANENT");
    }
  }
}
