package org.syncpost.email.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveryKeyTest {

  private static byte[] message(String headers, String body) {
    return (headers.replace("\n", "\r\n") + "\r\n" + body.replace("\n", "\r\n"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static final String SENT =
      "From: a@example.com\nTo: x@example.com, y@example.com\nSubject: hello\n"
          + "Message-ID: <1234@example.com>\n";

  @Test
  void theSameMessageDeliveredToTwoMailboxesHasOneKeyWhateverItsTraceHeaders() {
    byte[] toX =
        message(
            "Return-Path: <a@example.com>\nDelivered-To: x@example.com\nReceived: from mx by"
                + " imap for <x@example.com>;\n  Mon, 1 Dec 2026 10:00:00 +0000\n"
                + SENT,
            "Hello\n");
    byte[] toY =
        message(
            "Return-Path: <a@example.com>\nDelivered-To: y@example.com\nX-Original-To:"
                + " y@example.com\nReceived: from mx by imap for <y@example.com>;\n"
                + "  Mon, 1 Dec 2026 10:00:01 +0000\n"
                + SENT,
            "Hello\n");

    assertThat(DeliveryKey.of(toX)).isPresent().isEqualTo(DeliveryKey.of(toY));
  }

  @Test
  void anotherMessageWithTheSameMessageIdIsAnotherDelivery() {
    assertThat(DeliveryKey.of(message(SENT, "Hello\n")))
        .isNotEqualTo(DeliveryKey.of(message(SENT, "Give me your records\n")));
  }

  @Test
  void aDifferentSenderHeaderIsAnotherDelivery() {
    assertThat(DeliveryKey.of(message(SENT, "Hello\n")))
        .isNotEqualTo(
            DeliveryKey.of(message(SENT.replace("a@example.com", "b@example.com"), "Hello\n")));
  }

  @Test
  void messageIdsAreComparedWholeHoweverLong() {
    String common = "x".repeat(1990);
    byte[] first = message("Subject: s\nMessage-ID: <" + common + "1@example.com>\n", "same\n");
    byte[] second = message("Subject: s\nMessage-ID: <" + common + "2@example.com>\n", "same\n");

    assertThat(DeliveryKey.of(first)).isPresent().isNotEqualTo(DeliveryKey.of(second));
  }

  @Test
  void missingEmptyOrMalformedMessageIdsHaveNoKey() {
    for (String id :
        new String[] {
          "<>", "<@>", "<no-at-sign>", "<a b@example.com>", "a@example.com", "", "<a@b"
        }) {
      assertThat(DeliveryKey.of(message("Subject: s\nMessage-ID: " + id + "\n", "body\n")))
          .as(id)
          .isEmpty();
    }
    assertThat(DeliveryKey.of(message("Subject: s\n", "body\n"))).isEmpty();
  }

  @Test
  void twoMessageIdHeadersHaveNoKey() {
    assertThat(
            DeliveryKey.of(
                message("Message-ID: <1@example.com>\nMessage-ID: <2@example.com>\n", "b\n")))
        .isEmpty();
  }

  @Test
  void aFoldedMessageIdIsReadWhole() {
    assertThat(DeliveryKey.of(message("Subject: s\nMessage-ID:\n <1234@example.com>\n", "b\n")))
        .isPresent();
  }
}
