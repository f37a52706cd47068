package org.syncpost.email.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.email.entity.UnparseableMessage;

class MessageParserTest {

  private static final long FIVE_MB = 5 * 1024 * 1024;

  private final MessageParser parser = new MessageParser();

  private static byte[] eml(String name) {
    try (InputStream in = MessageParserTest.class.getResourceAsStream("/eml/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ParsedMessage parse(String name) {
    return parser.parse(eml(name), FIVE_MB);
  }

  static Stream<String> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(MessageParserTest.class.getResource("/eml").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everySampleEitherParsesOrIsRefusedWithAReason(String name) {
    try {
      ParsedMessage parsed = parse(name);
      assertThat(parsed.content()).isNotNull();
    } catch (UnparseableMessage refused) {
      assertThat(refused.reason()).as(name).isNotBlank();
    }
  }

  @Test
  void nulCharactersInTextBecomeReplacementCharactersWhileAttachmentBytesStayAsTheyCame() {
    byte[] raw =
        ("From: =?utf-8?Q?Eve=00Sender?= <eve@example.org>\r\n"
                + "To: someone@example.org\r\n"
                + "Subject: =?utf-8?Q?before=00after?=\r\n"
                + "Message-ID: <nul@example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nbody=00text\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename*=utf-8''a%00b.bin\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nAQACAA==\r\n--b--\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    ParsedMessage parsed = parser.parse(raw, FIVE_MB);

    assertThat(
            List.of(
                parsed.content().subject(),
                parsed.content().from(),
                parsed.content().textBody().strip(),
                parsed.attachments().get(0).fileName()))
        .containsExactly(
            "before\uFFFDafter",
            "\"Eve\uFFFDSender\" <eve@example.org>",
            "body\uFFFDtext",
            "ab.bin"); // file names lose every control character (FileNames)
    assertThat(parsed.attachments().get(0).content()).containsExactly(1, 0, 2, 0);
  }

  @Test
  void subjectAndAddressesAreDecodedFromRfc2047() {
    ParsedMessage parsed = parse("plain-utf8-subject.eml");

    assertThat(
            List.of(
                parsed.content().subject(),
                parsed.content().from(),
                String.join(" | ", parsed.content().to()),
                String.join(" | ", parsed.content().cc()),
                parsed.content().textBody().strip(),
                parsed.content().messageId()))
        .containsExactly(
            "Grüße aus Köln and more",
            "\"Jürgen Müller\" <juergen@example.org>",
            "Support <support@example.com> | sales@example.com",
            "\"Doe, Jane\" <jane@example.net>",
            "Schönen Tag!",
            "<plain-1@example.org>");
  }

  @Test
  void bodiesInlineAndRegularAttachmentsAndThreadingHeadersAreRead() {
    ParsedMessage parsed = parse("alternative-with-attachments.eml");

    assertThat(parsed.content().textBody().strip()).isEqualTo("See the report.");
    assertThat(parsed.content().htmlBody()).contains("<b>report</b>");
    assertThat(parsed.content().inReplyTo()).isEqualTo("<earlier-2@example.com>");
    assertThat(parsed.content().references())
        .containsExactly("<earlier-1@example.com>", "<earlier-2@example.com>");
    assertThat(parsed.attachments())
        .extracting(a -> a.fileName() + " " + a.contentType() + " inline=" + a.inline())
        .containsExactly(
            "null image/png inline=true",
            "report.pdf application/pdf inline=false",
            "small.txt text/plain inline=false");
    assertThat(parsed.attachments().get(0).contentId()).isEqualTo("<logo@x>");
  }

  @Test
  void anAttachmentOverTheLimitIsKeptOutWithItsSizeAndReason() {
    ParsedMessage parsed = parser.parse(eml("alternative-with-attachments.eml"), 1024);

    AttachmentData pdf = parsed.attachments().get(1);
    assertThat(pdf.content()).isNull();
    assertThat(pdf.size()).isEqualTo(3009);
    assertThat(pdf.omittedReason()).contains("maximum attachment size of 1 KB");
    assertThat(parsed.attachments().get(2).content()).isNotNull();
  }

  @Test
  void textInAWrongOrUnknownDeclaredCharsetIsDecodedByFallback() {
    ParsedMessage parsed = parse("wrong-charset.eml");

    assertThat(parsed.content().textBody().strip()).isEqualTo("Grüße");
    assertThat(parsed.content().htmlBody().strip()).isEqualTo("<p>Café €</p>");
  }

  @Test
  void rawEightBitHeadersAreReadAsUtf8() {
    ParsedMessage parsed = parse("eight-bit-headers.eml");

    assertThat(parsed.content().subject() + " / " + parsed.content().from())
        .isEqualTo("Überweisung erhalten / \"Jörg\" <joerg@example.org>");
  }

  @Test
  void aMissingEndBoundaryStillGivesTheBody() {
    assertThat(parse("missing-end-boundary.eml").content().textBody())
        .contains("body before a boundary that never ends");
  }

  @Test
  void aBodyWithoutItsDeclaredBoundaryIsKeptAsText() {
    assertThat(parse("missing-start-boundary.eml").content().textBody())
        .contains("the boundary in the body is not the declared one");
  }

  @Test
  void aMessageWithoutMessageIdHasNone() {
    assertThat(parse("missing-message-id.eml").content().messageId()).isNull();
  }

  @Test
  void fiftyNestedMultipartsAreRead() {
    assertThat(parse("nested-50-deep.eml").content().textBody()).contains("the bottom");
  }

  @Test
  void nestingBeyondTheLimitIsRefusedWithTheReason() {
    assertThatThrownBy(() -> parse("nested-150-deep.eml"))
        .isInstanceOf(UnparseableMessage.class)
        .hasMessageContaining("levels deep");
  }

  @Test
  void anEmptyMessageIsRefusedAsEmpty() {
    assertThatThrownBy(() -> parse("empty.eml"))
        .isInstanceOf(UnparseableMessage.class)
        .hasMessage("the message is empty");
  }

  @Test
  void bytesWithoutEmailHeadersAreRefused() {
    assertThatThrownBy(() -> parse("not-an-email.eml"))
        .isInstanceOf(UnparseableMessage.class)
        .hasMessageContaining("none of the headers");
  }

  @Test
  void autoRepliesBulkMailAndBouncesAreRecognisedButPeopleAreNot() {
    assertThat(
            Stream.of(
                    "auto-reply.eml",
                    "precedence-bulk.eml",
                    "bounce.eml",
                    "auto-submitted-no.eml",
                    "plain-utf8-subject.eml")
                .map(name -> name + "=" + parse(name).autoSubmitted())
                .toList())
        .containsExactly(
            "auto-reply.eml=true",
            "precedence-bulk.eml=true",
            "bounce.eml=true",
            "auto-submitted-no.eml=false",
            "plain-utf8-subject.eml=false");
  }

  @Test
  void unreadableAddressesAreKeptAsWritten() {
    ParsedMessage parsed = parse("bad-addresses.eml");

    assertThat(parsed.content().from()).contains("a@example.org");
    assertThat(parsed.content().to()).anyMatch(to -> to.contains("b@example.com"));
  }

  @Test
  void anUnknownTransferEncodingGivesTheBytesAsTheyAre() {
    assertThat(parse("unknown-transfer-encoding.eml").content().textBody())
        .contains("plain words anyway");
  }

  @Test
  void theSentDateIsRead() {
    assertThat(parse("plain-utf8-subject.eml").sentOn())
        .isEqualTo(java.time.Instant.parse("2026-11-26T09:00:00Z"));
  }

  /** A message with a text, a small attachment and one of {@code bigBytes} bytes, as a file. */
  private static Path messageFileWithAttachments(int bigBytes) throws IOException {
    byte[] big = new byte[bigBytes];
    new java.util.Random(3).nextBytes(big);
    String mime =
        "From: a@example.org\r\nTo: b@example.org\r\nSubject: files\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
            + "Content-Type: text/plain\r\n\r\nsee attached\r\n--b\r\n"
            + "Content-Type: text/csv\r\nContent-Disposition: attachment; filename=small.csv\r\n\r\n"
            + "a,b\r\n--b\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Disposition: attachment; filename=big.bin\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + java.util.Base64.getMimeEncoder().encodeToString(big)
            + "\r\n--b--\r\n";
    Path file = Files.createTempFile("parser-test-", ".eml");
    Files.writeString(file, mime, java.nio.charset.StandardCharsets.US_ASCII);
    return file;
  }

  @Test
  void aLargeAttachmentOfAMessageFileIsDecodedIntoATemporaryFileNotIntoMemory() throws Exception {
    int bigBytes = MessageParser.SPOOL_ABOVE * 2;
    Path file = messageFileWithAttachments(bigBytes);
    try {
      ParsedMessage parsed = parser.parse(file, Long.MAX_VALUE);

      AttachmentData small = parsed.attachments().get(0);
      AttachmentData big = parsed.attachments().get(1);
      assertThat(small.spooled()).isNull();
      assertThat(big.content()).isNull();
      assertThat(Files.size(big.spooled())).isEqualTo(bigBytes).isEqualTo(big.size());
      big.discardSpooled();
      assertThat(big.spooled()).doesNotExist();
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void aLargeAttachmentOverTheLimitIsNeitherKeptNorSpooled() throws Exception {
    Path file = messageFileWithAttachments(MessageParser.SPOOL_ABOVE * 2);
    try {
      AttachmentData big = parser.parse(file, MessageParser.SPOOL_ABOVE).attachments().get(1);

      assertThat(List.of(big.content() == null, big.spooled() == null, big.omittedReason() != null))
          .containsExactly(true, true, true);
    } finally {
      Files.delete(file);
    }
  }

  // ---- hostile mail (issue 14) ----

  private static byte[] bytes(String message) {
    return message.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String withAttachmentHeaders(String partHeaders) {
    return "From: a@example.com\nSubject: hostile\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n--b\n"
        + partHeaders
        + "\n\nAAAA\n--b--\n";
  }

  @Test
  void aMegabyteOfQuotedPrintableSoftLineBreaksParses() {
    String message =
        "From: a@example.com\nSubject: soft\nContent-Type: text/plain; charset=us-ascii\n"
            + "Content-Transfer-Encoding: quoted-printable\n\n"
            + "=\n".repeat(350_000)
            + "caf=C3=A9 =\nend\n";

    ParsedMessage parsed = parser.parse(bytes(message), FIVE_MB);

    assertThat(parsed.content().textBody()).isEqualTo("café end\r\n");
  }

  @Test
  void quotedPrintableKeepsWhatIsNotAnEscapeAsWritten() {
    String message =
        "From: a@example.com\nContent-Type: text/plain; charset=utf-8\n"
            + "Content-Transfer-Encoding: quoted-printable\n\n"
            + "a=3Db =zz 100% =  \nc=\n";

    assertThat(parser.parse(bytes(message), FIVE_MB).content().textBody())
        .isEqualTo("a=b =zz 100% c");
  }

  @Test
  void anOverlongContentTypeIsStoredAsOctetStreamNotCutShort() {
    AttachmentData attachment =
        parser
            .parse(
                bytes(
                    withAttachmentHeaders(
                        "Content-Type: application/"
                            + "x".repeat(300)
                            + "\nContent-Disposition: attachment; filename=a.bin")),
                FIVE_MB)
            .attachments()
            .get(0);

    assertThat(attachment.contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void theDateHeaderIsTheSentTime() {
    ParsedMessage parsed =
        parser.parse(
            bytes("From: a@example.com\nDate: Tue, 1 Dec 2026 10:00:00 +0100\n\nhi\n"), FIVE_MB);

    assertThat(parsed.sentOn()).isEqualTo(java.time.Instant.parse("2026-12-01T09:00:00Z"));
  }

  @Test
  void aDateNoDatabaseCanHoldIsNoSentTime() {
    ParsedMessage parsed =
        parser.parse(
            bytes("From: a@example.com\nDate: Tue, 1 Dec 99999 10:00:00 +0100\n\nhi\n"), FIVE_MB);

    assertThat(parsed.sentOn()).isNull();
  }

  @Test
  void aRawUtf8AttachmentNameIsReadAsUtf8() {
    AttachmentData attachment =
        parser
            .parse(
                bytes(
                    withAttachmentHeaders(
                        "Content-Type: application/pdf\n"
                            + "Content-Disposition: attachment; filename=\"Prüfbericht – 東京.pdf\"")),
                FIVE_MB)
            .attachments()
            .get(0);

    assertThat(attachment.fileName()).isEqualTo("Prüfbericht – 東京.pdf");
  }

  @Test
  void controlCharactersAreLeftOutOfAttachmentNames() {
    AttachmentData attachment =
        parser
            .parse(
                bytes(
                    withAttachmentHeaders(
                        "Content-Type: application/pdf\n"
                            + "Content-Disposition: attachment; filename=\"in\u0000voice\u0007.pdf\"")),
                FIVE_MB)
            .attachments()
            .get(0);

    assertThat(attachment.fileName()).isEqualTo("invoice.pdf");
  }
}
