package org.syncpost.email.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.testing.mail.TnefStreams;

/** A {@code winmail.dat} as Outlook attaches it ({@link TnefStreams}), read by the parser. */
class TnefTest {

  private static final long FIVE_MB = 5 * 1024 * 1024;

  private static ParsedMessage withAttachment(String type, String fileName, byte[] content) {
    String raw =
        "From: a@example.com\r\nTo: b@example.org\r\nSubject: Quarterly figures\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n"
            + "--m\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
            + "--m\r\nContent-Type: "
            + type
            + "; name=\""
            + fileName
            + "\"\r\nContent-Disposition: attachment; filename=\""
            + fileName
            + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(content)
            + "\r\n--m--\r\n";
    return new MessageParser().parse(raw.getBytes(StandardCharsets.US_ASCII), FIVE_MB);
  }

  @Test
  void aWinmailDatIsUnpackedIntoItsAttachmentsAfterTheOriginal() {
    byte[] figures = "Q1;Q2\r\n10;12\r\n".getBytes(StandardCharsets.US_ASCII);

    ParsedMessage parsed =
        withAttachment(
            "application/ms-tnef",
            "winmail.dat",
            TnefStreams.withAttachment("figures.csv", figures));

    assertThat(parsed.attachments())
        .extracting(AttachmentData::fileName)
        .containsExactly("winmail.dat", "figures.csv");
    assertThat(parsed.attachments().get(1).content()).isEqualTo(figures);
    assertThat(parsed.content().textBody()).isEqualTo("See attached.");
  }

  /** A real one, from Outlook (src/test/resources/tnef/ORIGIN.md): five files and an RTF body. */
  @Test
  void aWinmailDatWrittenByOutlookIsUnpackedIntoItsFilesAfterTheOriginal() throws Exception {
    byte[] outlook;
    try (var in = TnefTest.class.getResourceAsStream("/tnef/outlook-winmail.dat")) {
      outlook = in.readAllBytes();
    }

    ParsedMessage parsed = withAttachment("application/ms-tnef", "winmail.dat", outlook);

    assertThat(parsed.attachments())
        .extracting(AttachmentData::fileName)
        .containsExactly(
            "winmail.dat",
            "quick.doc",
            "quick.html",
            "quick.pdf",
            "quick.txt",
            "quick.xml",
            "message-body.rtf");
    assertThat(parsed.attachments().get(0).size()).isEqualTo(outlook.length);
    assertThat(new String(parsed.attachments().get(4).content(), StandardCharsets.UTF_8))
        .startsWith("The quick brown fox jumps over the lazy dog");
    assertThat(parsed.attachments().get(6).contentType()).isEqualTo("application/rtf");
  }

  @Test
  void aWinmailDatSpooledToDiskIsUnpackedToo() {
    byte[] large = new byte[2 * 1024 * 1024];
    large[0] = 'Z';

    ParsedMessage parsed =
        withAttachment(
            "application/ms-tnef", "winmail.dat", TnefStreams.withAttachment("scan.pdf", large));

    assertThat(parsed.attachments().get(0).spooled()).as("spooled original").isNotNull();
    assertThat(parsed.attachments())
        .extracting(AttachmentData::fileName, AttachmentData::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("winmail.dat", parsed.attachments().get(0).size()),
            org.assertj.core.groups.Tuple.tuple("scan.pdf", (long) large.length));
    parsed.attachments().forEach(AttachmentData::discardSpooled);
  }

  @Test
  void aWinmailDatThatIsNotTnefStaysJustTheAttachmentItIs() {
    ParsedMessage parsed =
        withAttachment(
            "application/octet-stream",
            "winmail.dat",
            "not tnef at all".getBytes(StandardCharsets.US_ASCII));

    assertThat(parsed.attachments())
        .extracting(AttachmentData::fileName)
        .containsExactly("winmail.dat");
  }

  @Test
  void anUnpackedAttachmentOverTheLimitIsNotedNotKept() {
    byte[] large = new byte[2048];

    var pieces = Tnef.unpack(TnefStreams.withAttachment("large.bin", large), 1024);

    assertThat(pieces)
        .singleElement()
        .satisfies(
            piece -> {
              assertThat(piece.content()).isNull();
              assertThat(piece.size()).isEqualTo(2048);
              assertThat(piece.omittedReason()).contains("1 KB");
            });
  }
}
