package org.syncpost.outgoing.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.validation.entity.Violation;

class OutboxAttachmentHeadersTest {

  @Test
  void refusesLineBreaksThatWouldAddMimeHeaders() {
    assertThat(fields("report.pdf\r\nBcc: victim@example.org", "application/pdf"))
        .containsExactly("a.name");
    assertThat(fields("report.pdf", "application/pdf\r\nBcc: victim@example.org"))
        .containsExactly("a.contentType");
    assertThat(fields("report.pdf", "text/plain;\r\n charset=utf-8"))
        .containsExactly("a.contentType");
  }

  @Test
  void refusesMultipartAndMessageContentTypes() {
    assertThat(fields("a", "multipart/mixed; boundary=x")).containsExactly("a.contentType");
    assertThat(fields("a", "Message/RFC822")).containsExactly("a.contentType");
  }

  @Test
  void refusesWhatIsNotAMediaType() {
    for (String type :
        new String[] {"text", "text/plain garbage", "/x", "", "a/" + "b".repeat(300)}) {
      assertThat(fields("a", type)).as(type).containsExactly("a.contentType");
    }
  }

  @Test
  void takesMediaTypesWithParametersAndNamesInAnyScript() {
    assertThat(fields("Bericht für Jürgen.pdf", "application/pdf")).isEmpty();
    assertThat(fields("a.txt", "text/plain; charset=\"utf-8\"")).isEmpty();
    assertThat(
            fields(null, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .isEmpty();
  }

  private static List<String> fields(String name, String contentType) {
    return Outbox.attachmentHeaderViolations(
            "a", new AttachmentData(name, contentType, null, false, 1, new byte[] {1}, null, null))
        .stream()
        .map(Violation::field)
        .toList();
  }
}
