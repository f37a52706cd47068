package org.syncpost.email.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.DownloadName;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.email.entity.UnparseableMessage;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.settings.entity.EmailSettingsBuilder;

/**
 * Every message of the {@link HostileMail} corpus becomes an email record whose attachments can be
 * downloaded, or is refused with a reason (a quarantine entry) — never an error such as a
 * StackOverflowError, never a value its column cannot hold.
 */
class HostileMailTest {

  private static final long FIVE_MB = 5 * 1024 * 1024;
  private static final String MEDIA_TYPE = "[a-z0-9!#$&^_.+-]{1,127}/[a-z0-9!#$&^_.+-]{1,127}";

  private final MessageParser parser = new MessageParser();
  private final Mailbox mailbox =
      Mailbox.of(
          new User(new UserDetails("alice", "alice@example.com", Set.of(Role.MAILBOX_OWNER))),
          EmailSettingsBuilder.defaults().requireApproval(false, false).organisation(),
          null);

  static Stream<HostileMail.Message> corpus() {
    return HostileMail.corpus().stream();
  }

  @Test
  void theCorpusHoldsAtLeast300DifferentMessages() {
    List<HostileMail.Message> corpus = HostileMail.corpus();

    assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
    assertThat(corpus.stream().map(HostileMail.Message::name).distinct()).hasSameSizeAs(corpus);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachMessageIsARecordWithDownloadableAttachmentsOrRefusedWithAReason(
      HostileMail.Message message) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          ParsedMessage parsed;
          try {
            parsed = parser.parse(message.bytes(), FIVE_MB);
          } catch (UnparseableMessage refused) {
            assertThat(refused.reason()).isNotBlank();
            assertThat(refused.getCause() instanceof Error).as("refused by an error").isFalse();
            return;
          }
          EmailRecord record =
              EmailRecord.received(parsed.content(), mailbox, Instant.EPOCH, parsed.sentOn(), null);
          parsed.attachments().forEach(record::attach);
          assertFitsItsColumns(record, parsed);
          for (Attachment attachment : record.getAttachments()) {
            assertDownloadable(attachment);
          }
          parsed.attachments().forEach(AttachmentData::discardSpooled);
        });
  }

  private static void assertFitsItsColumns(EmailRecord record, ParsedMessage parsed) {
    assertThat(record.getSubject())
        .satisfiesAnyOf(
            s -> assertThat(s).isNull(), s -> assertThat(s).hasSizeLessThanOrEqualTo(4000));
    if (parsed.sentOn() != null) {
      assertThat(parsed.sentOn().toString()).doesNotStartWith("+").doesNotStartWith("-");
    }
  }

  private static void assertDownloadable(Attachment attachment) {
    assertThat(attachment.getContentType()).hasSizeLessThanOrEqualTo(255).matches(MEDIA_TYPE);
    if (attachment.getFileName() != null) {
      assertThat(attachment.getFileName())
          .hasSizeLessThanOrEqualTo(1000)
          .doesNotContain("\u0000", "\r", "\n");
    }
    String offered =
        DownloadName.of(attachment.getFileName(), "attachment-" + attachment.getPosition()).name();
    assertThat(offered)
        .isNotBlank()
        .hasSizeLessThanOrEqualTo(200)
        .doesNotContain("/", "\\", "\u0000", "\r", "\n", "\"")
        .doesNotStartWith(".");
    assertThat(
            DownloadName.of(attachment.getFileName(), "x")
                .contentDisposition()
                .chars()
                .allMatch(c -> c >= 0x20 && c < 0x7f))
        .isTrue();
  }
}
