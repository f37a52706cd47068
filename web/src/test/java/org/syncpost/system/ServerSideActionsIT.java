package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.IncomingMailboxes.Box;
import org.syncpost.system.IncomingMailboxes.Regarding;
import org.syncpost.testing.mail.MailServers;

/**
 * What SyncPost does on the mail server once a message's record is stored, observed over IMAP on a
 * private Dovecot: nothing by default, or what the mailbox says (mark read, move, delete — the last
 * for queues only, and over POP3 the only one).
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class ServerSideActionsIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final Api admin;
  private final IncomingMailboxes mailboxes;

  ServerSideActionsIT(SyncPostServer server) {
    this.admin = server.admin();
    this.mailboxes = new IncomingMailboxes(admin, servers);
  }

  private static JsonObject action(String action) {
    return Json.createObjectBuilder().add("actionAfterProcessing", action).build();
  }

  private void deliver(Box box, int count) {
    for (int i = 0; i < count; i++) {
      servers
          .dovecot()
          .deliver(
              box.user().name(),
              IncomingMailboxes.message(
                  "processed " + i, "<" + UUID.randomUUID() + "@actions.test>", ""));
    }
  }

  /** The INBOX messages' \Seen flags, as another client sees them. */
  private List<Boolean> seenFlags(Box box) throws Exception {
    try (Store store = mailboxes.imapStore(box)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return Arrays.stream(inbox.getMessages())
            .map(
                m -> {
                  try {
                    return m.isSet(Flags.Flag.SEEN);
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
      } finally {
        inbox.close(false);
      }
    }
  }

  private int messagesIn(Box box, String folder) {
    return servers.dovecot().messageCount(box.user().name(), folder);
  }

  @Test
  void byDefaultNothingChangesOnTheServer() throws Exception {
    Box box = mailboxes.enabledMailbox();
    deliver(box, 2);

    mailboxes.syncUntilDone(box);

    assertThat(mailboxes.mailbox(box).getString("actionAfterProcessing")).isEqualTo("NONE");
    assertThat(seenFlags(box)).containsExactly(false, false);
    assertThat(mailboxes.recordCount(box)).isEqualTo(2);
  }

  @Test
  void markReadSetsTheSeenFlagOfEveryProcessedMessage() throws Exception {
    Box box = mailboxes.enabledMailbox(Regarding.USER, "IMAP_SMTP", action("MARK_READ"));
    deliver(box, 3);

    mailboxes.syncUntilDone(box);
    mailboxes.syncUntilDone(box);

    assertThat(seenFlags(box)).containsExactly(true, true, true);
    assertThat(mailboxes.recordCount(box)).isEqualTo(3);
  }

  @Test
  void moveToTakesProcessedMessagesOutOfTheInboxIntoTheFolder() {
    Box box =
        mailboxes.enabledMailbox(
            Regarding.USER,
            "IMAP_SMTP",
            Json.createObjectBuilder()
                .add("actionAfterProcessing", "MOVE_TO")
                .add("moveToFolder", "Processed")
                .build());
    servers.dovecot().createFolder(box.user().name(), "Processed");
    deliver(box, 2);

    mailboxes.syncUntilDone(box);
    mailboxes.syncUntilDone(box);

    assertThat(List.of(messagesIn(box, "INBOX"), messagesIn(box, "Processed")))
        .containsExactly(0, 2);
    assertThat(mailboxes.recordCount(box)).isEqualTo(2);
  }

  @Test
  void aQueueThatDeletesLeavesNothingInTheInboxAndEveryMessageARecord() {
    Box box = mailboxes.enabledMailbox(Regarding.QUEUE, "IMAP_SMTP", action("DELETE"));
    deliver(box, 3);

    mailboxes.syncUntilDone(box);

    assertThat(List.of((long) messagesIn(box, "INBOX"), mailboxes.recordCount(box)))
        .containsExactly(0L, 3L);
  }

  @Test
  void aUsersMailboxMayNotDelete() {
    Box box = mailboxes.enabledMailbox();

    Reply refused = admin.patch("mailboxes/" + box.id(), action("DELETE").toString());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("actionAfterProcessing", "only a queue's mailbox");
  }

  @Test
  void aPop3QueueThatDeletesHasTheServerDeleteEveryProcessedMessage() {
    Box box = mailboxes.enabledMailbox(Regarding.QUEUE, "POP3_SMTP", action("DELETE"));
    deliver(box, 2);

    mailboxes.syncUntilDone(box);
    mailboxes.syncUntilDone(box);

    assertThat(List.of((long) messagesIn(box, "INBOX"), mailboxes.recordCount(box)))
        .containsExactly(0L, 2L);
  }

  @Test
  void markingReadOverPop3IsRefusedWithTheReason() {
    Box box = mailboxes.enabledMailbox(Regarding.QUEUE, "POP3_SMTP", action("NONE"));

    Reply refused = admin.patch("mailboxes/" + box.id(), action("MARK_READ").toString());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("a POP3 server has no read flags");
  }
}
