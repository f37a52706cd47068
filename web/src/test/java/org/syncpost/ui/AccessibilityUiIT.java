package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;

/**
 * Issue 18: every page of the admin UI passes axe-core's WCAG 2.1 AA rules without a serious or
 * critical violation (contrast, names of controls, landmarks, a way past the menu).
 */
@ExtendWith(UiSyncPost.class)
@Timeout(300)
class AccessibilityUiIT {

  private final SyncPostServer server;
  private Browser browser;
  private long mailboxId;
  private long jobId;
  private long recordId;

  AccessibilityUiIT(SyncPostServer server) {
    this.server = server;
  }

  /** A user's mailbox, a test & enable job about it and a draft email from it. */
  @BeforeEach
  void mailboxWithAJobAndAnEmail() {
    Api admin = server.admin();
    String name = ProfilesUiIT.unique("ui-axe");
    Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", name)
                .add("email", name + "@example.org")
                .build()
                .toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    Reply job =
        admin.post(
            "mailboxes/test-and-enable",
            Json.createObjectBuilder()
                .add("mailboxIds", Json.createArrayBuilder().add(mailboxId))
                .build()
                .toString());
    assertThat(job.status()).as(job.toString()).isEqualTo(202);
    jobId = job.json().getJsonNumber("id").longValue();
    Reply email =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", mailboxId)
                .add("to", Json.createArrayBuilder().add("Bob <bob@example.org>"))
                .add("subject", "Accessible record")
                .add("textBody", "Hello Bob.")
                .add("draft", true)
                .build()
                .toString());
    assertThat(email.status()).as(email.toString()).isEqualTo(201);
    recordId = email.json().getJsonNumber("id").longValue();
    browser = new Browser(server.httpsBase());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void noPageHasASeriousOrCriticalWcagViolation() {
    Map<String, List<String>> violations = new LinkedHashMap<>();
    browser.open("login.xhtml");
    violations.put("login.xhtml", Axe.seriousViolations(browser));
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    for (String page :
        List.of(
            "admin/index.xhtml",
            "admin/profile/profiles.xhtml",
            "admin/profile/profile.xhtml",
            "admin/settings/settings.xhtml",
            "admin/directory/directory.xhtml",
            "admin/mailbox/mailboxes.xhtml",
            "admin/mailbox/mailbox.xhtml?id=" + mailboxId,
            "admin/outgoing/compose.xhtml?mailbox=" + mailboxId,
            "admin/job/jobs.xhtml",
            "admin/job/job.xhtml?id=" + jobId,
            "admin/alert/alerts.xhtml",
            "admin/email/emails.xhtml",
            "admin/email/email.xhtml?id=" + recordId,
            "admin/incoming/quarantine.xhtml",
            "admin/webhook/webhooks.xhtml",
            "admin/mailbox/mailbox.xhtml?id=987654321")) {
      browser.open(page);
      violations.put(page, Axe.seriousViolations(browser));
    }
    browser.open("admin/directory/directory.xhtml");
    browser.click(By.cssSelector("[id='directory:tabs'] a[href$='queuesTab']"));
    violations.put("queues tab", Axe.seriousViolations(browser));

    violations.values().removeIf(List::isEmpty);
    assertThat(violations).isEmpty();
  }
}
