package org.syncpost.api.boundary.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoapRequestsTest {

  private static final String ENVELOPE =
      "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
          + " xmlns:v=\"urn:syncpost:v1\"><s:Body>%s</s:Body></s:Envelope>";

  @Test
  void letsAnEnvelopeWithOneOperationThrough() {
    assertThat(problem(ENVELOPE.formatted("<v:getEmail><v:id>1</v:id></v:getEmail>"))).isNull();
  }

  @Test
  void refusesWhatTheRuntimeWouldAnswerWithAServerFault() {
    assertThat(problem("")).contains("not well-formed");
    assertThat(problem("this is not XML")).contains("not well-formed");
    assertThat(problem(ENVELOPE.formatted("<v:getEmail><v:id>1</v:id>")))
        .contains("not well-formed");
    assertThat(
            problem(
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"></s:Envelope>"))
        .contains("no Body");
    assertThat(problem(ENVELOPE.formatted(""))).contains("exactly one operation");
    assertThat(problem("<a/>")).contains("no SOAP envelope");
  }

  @Test
  void refusesADocumentTypeDeclaration() {
    assertThat(
            problem(
                "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + ENVELOPE.formatted("<v:getEmail><v:id>&x;</v:id></v:getEmail>")))
        .isNotNull()
        .doesNotContain("passwd");
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] start = ENVELOPE.formatted("<v:getEmail><v:id>").getBytes(StandardCharsets.UTF_8);
    byte[] body = java.util.Arrays.copyOf(start, start.length + 2);
    body[start.length] = (byte) 0xC3;
    body[start.length + 1] = (byte) 0x28;
    assertThat(SoapRequests.problemOf(body, "utf-8")).contains("not well-formed");
  }

  @Test
  void leavesAnotherSoapVersionToTheRuntimesVersionMismatch() {
    assertThat(
            problem(
                ENVELOPE
                    .formatted("<v:getEmail/>")
                    .replace(
                        "http://schemas.xmlsoap.org/soap/envelope/",
                        "http://www.w3.org/2003/05/soap-envelope")))
        .isNull();
  }

  @Test
  void datesOutsideTheYears1970To9999AreOutOfRange() {
    assertThat(DateRange.inRange("2026-01-31T08:00:00Z")).isTrue();
    assertThat(DateRange.inRange("9999-12-31T23:59:59Z")).isTrue();
    assertThat(DateRange.inRange("999999999-12-31T23:59:59Z")).isFalse();
    assertThat(DateRange.inRange("10000-01-01T00:00:00Z")).isFalse();
    assertThat(DateRange.inRange("-2026-01-01T00:00:00Z")).isFalse();
    assertThat(DateRange.inRange("1900-01-01T00:00:00Z")).isFalse();
  }

  private static String problem(String body) {
    return SoapRequests.problemOf(body.getBytes(StandardCharsets.UTF_8), "utf-8");
  }
}
