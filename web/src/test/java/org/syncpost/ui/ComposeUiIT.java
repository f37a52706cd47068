package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.IncomingMailbox;
import org.syncpost.system.PrivateServersProfile;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * Issue 18: a mailbox owner writes an email with an attachment in the browser; it is queued as the
 * API queues one, listed among the mailbox's outgoing records and sent by the engine through the
 * private Postfix into the recipient's Dovecot mailbox.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(300)
class ComposeUiIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final SyncPostServer server;
  private final Api admin;
  private Browser browser;

  ComposeUiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anOwnerWritesAnEmailWithAnAttachmentThatIsListedAndSentByTheEngine(@TempDir Path files)
      throws IOException {
    Reply profile =
        admin.post(
            "profiles",
            PrivateServersProfile.named(ProfilesUiIT.unique("ui-compose"), servers)
                .add("connectionTimeoutSeconds", 5)
                .build()
                .toString());
    assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    MailUser sender = servers.dovecot().addUser(ProfilesUiIT.unique("uisender"), "sender-password");
    long mailboxId =
        IncomingMailbox.configureOn(
            admin,
            profile.json().getJsonNumber("id").longValue(),
            sender,
            true,
            "owner-password-123");
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    JsonObject tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}").json();
    assertThat(tested.getBoolean("enabledForOutgoing")).as(tested.toString()).isTrue();
    MailUser recipient = servers.dovecot().addUser(ProfilesUiIT.unique("uircpt"), "any-password");
    Path figures = Files.writeString(files.resolve("figures.txt"), "revenue 42\n");
    String subject = ProfilesUiIT.unique("Figures from the browser");

    browser = new Browser(server.httpsBase());
    browser.signIn(sender.name(), "owner-password-123");
    browser.open("admin/mailbox/mailbox.xhtml?id=" + mailboxId);
    browser.click(By.id("mailbox:compose"));
    browser.awaitText(By.id("compose:from"), sender.name());
    browser.type(By.id("compose:to"), "Recipient <" + recipient.address() + ">");
    browser.type(By.id("compose:subject"), subject);
    browser.type(By.id("compose:textBody"), "The figures are attached.");
    browser.present(By.id("compose:attachments_input")).sendKeys(figures.toString());
    browser.awaitText(By.id("compose:attached"), "figures.txt");
    browser.screenshot("compose");
    browser.click(By.id("compose:send"));

    browser.awaitText(By.id("records:table_data"), subject);
    assertThat(browser.driver().getCurrentUrl()).contains("direction=OUTGOING");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(
            d -> {
              browser.open("admin/email/emails.xhtml?direction=OUTGOING&mailbox=" + mailboxId);
              return d.findElement(By.id("records:table_data")).getText().contains("Sent");
            });
    assertThat(
            servers
                .dovecot()
                .awaitMessageCount(recipient.name(), "INBOX", 1, Duration.ofSeconds(60)))
        .isEqualTo(1);
    Reply records = admin.get("emails?mailboxId=" + mailboxId + "&direction=OUTGOING");
    JsonObject record = records.array().getJsonObject(0);
    assertThat(record.getString("subject")).contains(subject);
    JsonObject full = admin.get("emails/" + record.getJsonNumber("id").longValue()).json();
    assertThat(full.toString()).contains("figures.txt");
  }
}
