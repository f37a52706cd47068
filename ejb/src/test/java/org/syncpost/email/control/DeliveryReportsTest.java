package org.syncpost.email.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.syncpost.email.entity.DeliveryReport;
import org.syncpost.email.entity.DeliveryReport.RecipientOutcome;
import org.syncpost.email.entity.ParsedMessage;

class DeliveryReportsTest {

  private final MessageParser parser = new MessageParser();

  private ParsedMessage parse(String name) {
    try (InputStream in = DeliveryReportsTest.class.getResourceAsStream("/eml/" + name)) {
      return parser.parse(in.readAllBytes(), 5 * 1024 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aPostfixBounceNamesTheOriginalAndEachFailedRecipientWithItsDiagnostic() {
    DeliveryReport report = parse("dsn-postfix-failed.eml").deliveryReport();

    assertThat(report.originalMessageId()).isEqualTo("<offer-1@example.org>");
    assertThat(report.originalSubject()).isEqualTo("Our offer € [SP:abc123]");
    assertThat(report.recipients())
        .containsExactly(
            new RecipientOutcome(
                "nobody@example.net",
                "failed",
                "5.1.1",
                "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in"
                    + " local recipient table"));
  }

  @Test
  void aDelayNotificationQuotingTheWholeOriginalIsReadAsDelayed() {
    DeliveryReport report = parse("dsn-delayed.eml").deliveryReport();

    assertThat(report.originalMessageId()).isEqualTo("<later-1@example.org>");
    assertThat(report.failed()).isEmpty();
    assertThat(report.recipients()).extracting(RecipientOutcome::action).containsExactly("delayed");
  }

  @Test
  void aBounceWithoutTheReportStructureIsOrdinaryMail() {
    assertThat(parse("bounce.eml").deliveryReport()).isNull();
    assertThat(parse("auto-reply.eml").deliveryReport()).isNull();
  }

  @Test
  void aReportIsStillReadAsTheMessageItIs() {
    ParsedMessage parsed = parse("dsn-postfix-failed.eml");

    assertThat(parsed.autoSubmitted()).isTrue();
    assertThat(parsed.content().subject()).isEqualTo("Undelivered Mail Returned to Sender");
  }
}
