package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.mail.MailServers;

/**
 * Protocol tracing of one mailbox, switched on and off over the API while SyncPost runs: the
 * dialogue with the IMAP and SMTP servers appears in the server log, the password never does.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class ProtocolTraceIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final SyncPostServer server;
  private final Api admin;

  ProtocolTraceIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  private List<String> traceLines(long mailboxId) throws IOException {
    try (var lines = Files.lines(server.dataDir().resolve("logs/server.log"))) {
      return lines.filter(line -> line.contains("[mailbox " + mailboxId + "] ")).toList();
    }
  }

  private Reply trace(long mailboxId, boolean on) {
    Reply patched = admin.patch("mailboxes/" + mailboxId, "{\"protocolTrace\": " + on + "}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    return patched;
  }

  @Test
  void aTracedMailboxLogsItsImapAndSmtpDialogueWithoutThePassword() throws Exception {
    WorkingMailbox box = WorkingMailbox.create(admin, servers);

    Reply traced = trace(box.id(), true);
    box.receive(servers, 1);
    box.syncNow(admin);
    long emailId = box.send(admin, box.user().address(), "traced " + box.id());
    JsonObject email =
        WorkingMailbox.awaitEmail(
            admin, emailId, e -> "SENT".equals(e.getString("status")), Duration.ofMinutes(2));
    List<String> lines = traceLines(box.id());
    String log = Files.readString(server.dataDir().resolve("logs/server.log"));

    assertThat(traced.json().getBoolean("protocolTrace")).isTrue();
    assertThat(email.getString("status")).isEqualTo("SENT");
    assertThat(String.join("\n", lines))
        .contains("org.syncpost.mailserver.trace")
        .contains("EXAMINE INBOX")
        .contains("MAIL FROM:<" + box.user().address() + ">");
    assertThat(log).doesNotContain(box.user().password());
  }

  @Test
  void switchedOffTheNextCyclesAreNotTraced() throws Exception {
    WorkingMailbox box = WorkingMailbox.create(admin, servers);
    trace(box.id(), true);
    box.syncNow(admin);
    Reply untraced = trace(box.id(), false);
    // this cycle waits for any that started while tracing was on, and runs without it
    box.syncNow(admin);
    int traced = traceLines(box.id()).size();

    box.receive(servers, 1);
    box.syncNow(admin);

    assertThat(untraced.json().getBoolean("protocolTrace")).isFalse();
    assertThat(traced).isPositive();
    assertThat(traceLines(box.id())).hasSize(traced);
  }
}
