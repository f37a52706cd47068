package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.mail.MailServers;

/**
 * The guide's steps after the profile, in the browser, against a private Dovecot and Postfix: set
 * the default profile, approve the mailbox, apply the default email settings with "test & enable",
 * watch the job reach 100 %, and read the success alert on the alerts wall.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(240)
class GuideWorkflowUiIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final SyncPostServer server;
  private final Api admin;
  private final DovecotMailboxes mailboxes;
  private Browser browser;
  private JsonObject settingsBefore;

  GuideWorkflowUiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
    this.mailboxes = new DovecotMailboxes(admin, servers, true);
  }

  @AfterEach
  void restore() {
    if (browser != null) {
      browser.close();
    }
    if (settingsBefore != null) {
      JsonObjectBuilder previous = Json.createObjectBuilder();
      if (settingsBefore.get("defaultProfileId") == null
          || settingsBefore.isNull("defaultProfileId")) {
        previous.addNull("defaultProfileId");
      } else {
        previous.add("defaultProfileId", settingsBefore.get("defaultProfileId"));
      }
      admin.patch("settings", previous.build().toString());
    }
  }

  @Test
  void approveApplyDefaultsTestAndEnableEndsWithAnEnabledMailboxAndASuccessAlert() {
    settingsBefore = admin.get("settings").json();
    String profileName = ProfilesUiIT.unique("ui-dovecot");
    long profileId = mailboxes.profile(profileName);
    String address = mailboxes.owner().user().address();

    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);

    // Configure default email processing and synchronization
    browser.open("admin/settings/settings.xhtml");
    browser.selectOne("settings:defaultProfileId", String.valueOf(profileId));
    browser.screenshot("settings");
    browser.click(By.id("settings:save"));
    browser.awaitText(By.id("settings:messages"), "saved");

    // Approve email
    browser.open("admin/mailbox/mailboxes.xhtml");
    selectOnly(address);
    browser.click(By.id("mailboxes:approve"));
    browser.awaitText(By.id("mailboxes:table"), "Approved");

    // Apply default email settings, "test & enable" checked by default
    selectOnly(address);
    browser.screenshot("mailboxes");
    browser.click(By.id("mailboxes:applyDefaults"));
    browser.awaitText(By.id("mailboxes:defaultProfile"), profileName);
    assertThat(browser.find(By.cssSelector("#mailboxes\\:testAfterApplying input")).isSelected())
        .isTrue();
    browser.screenshot("apply-default-settings");
    browser.click(By.id("mailboxes:applyDefaultsOk"));

    // the job page's progress bar moves by polling until the job is finished
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(d -> d.findElement(By.id("job:status")).getText().startsWith("Completed"));
    browser.awaitText(By.id("job:progress"), "100%");
    assertThat(browser.find(By.id("job:status")).getText()).isEqualTo("Completed");
    assertThat(browser.find(By.id("job:results")).getText()).contains("enabled");
    browser.screenshot("job");

    browser.click(By.cssSelector("#job\\:results a[id$=':alerts']"));
    browser.awaitText(By.id("alerts:wall"), "Information");
    browser.click(By.cssSelector("#alerts\\:wall .ui-row-toggler"));
    browser.awaitText(By.id("alerts:wall"), "mailbox-enabled");
    browser.screenshot("alerts");
  }

  @Test
  void theApplyDefaultsDialogAndTheJobPageSayWhatAMailboxStillNeedsWithALinkToFixIt() {
    settingsBefore = admin.get("settings").json();
    long profileId = mailboxes.profile(ProfilesUiIT.unique("ui-needs"));
    admin.patch("settings", "{\"defaultProfileId\": " + profileId + "}");
    // a new user's mailbox: no user name, no password, use of credentials not allowed
    String name = ProfilesUiIT.unique("uineeds");
    String address = name + "@example.org";
    Api.Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder().add("name", name).add("email", address).build().toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    long mailboxId = user.json().getJsonNumber("mailboxId").longValue();

    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/mailbox/mailboxes.xhtml");
    selectOnly(address);
    browser.click(By.id("mailboxes:applyDefaults"));
    browser.awaitText(By.id("mailboxes:stillNeeded"), name);
    assertThat(browser.find(By.id("mailboxes:stillNeeded")).getText())
        .contains(
            name + ": \u201callow use of credentials\u201d switched on, a user name, a password");
    assertThat(browser.find(By.cssSelector("#mailboxes\\:stillNeeded a")).getAttribute("href"))
        .endsWith("/admin/mailbox/mailbox.xhtml?id=" + mailboxId);
    browser.screenshot("apply-defaults-still-needed");
    browser.click(By.id("mailboxes:applyDefaultsOk"));

    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(d -> d.findElement(By.id("job:status")).getText().startsWith("Completed"));
    browser.awaitText(By.id("job:stillNeeded"), name);
    assertThat(browser.find(By.id("job:stillNeeded")).getText()).contains("a password");
    assertThat(browser.find(By.cssSelector("#job\\:stillNeeded a")).getAttribute("href"))
        .endsWith("/admin/mailbox/mailbox.xhtml?id=" + mailboxId);
    browser.screenshot("job-still-needed");
  }

  /** Filters the table to one address and ticks its row. */
  private void selectOnly(String address) {
    browser.filterTable("mailboxes:table", 1, address);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("#mailboxes\\:table_data tr")).size() == 1
                    && d.findElement(By.id("mailboxes:table_data")).getText().contains(address));
    browser.click(By.cssSelector("#mailboxes\\:table_data tr .ui-chkbox-box"));
  }
}
