package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * The clicks of docs/first-email.md, from nothing to a first received email, all in the browser
 * against the private Dovecot and Postfix: a profile (tested before saving), the default settings,
 * a user, the mailbox's credentials, approve, apply defaults with test & enable, and the email in
 * the records. Nothing on the way needs the alerts wall.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(360)
class FirstEmailUiIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final SyncPostServer server;
  private final Api admin;
  private Browser browser;
  private JsonObject settingsBefore;

  FirstEmailUiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @AfterEach
  void restore() {
    if (browser != null) {
      browser.close();
    }
    if (settingsBefore != null) {
      JsonObjectBuilder previous = Json.createObjectBuilder();
      JsonValue before = settingsBefore.get("defaultProfileId");
      if (before == null || before.getValueType() == JsonValue.ValueType.NULL) {
        previous.addNull("defaultProfileId");
      } else {
        previous.add("defaultProfileId", before);
      }
      admin.patch("settings", previous.build().toString());
    }
  }

  @Test
  void fromNothingToAFirstReceivedEmailInTheBrowser() {
    settingsBefore = admin.get("settings").json();
    MailUser mailUser = servers.dovecot().addUser(ProfilesUiIT.unique("uifirst"), "first-password");
    String profileName = ProfilesUiIT.unique("Company mail");
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);

    // 1. Email server profiles > New IMAP/SMTP server: servers, the in-house CA; test; save
    browser.open("admin/profile/profiles.xhtml");
    browser.click(By.id("profiles:newImap"));
    browser.awaitText(By.tagName("h1"), "New IMAP");
    browser.type(By.id("profile:name"), profileName);
    browser.type(By.id("profile:incomingServer"), ServerCertificate.VALID.address());
    browser.type(By.id("profile:outgoingServer"), ServerCertificate.VALID.address());
    browser.type(By.id("profile:incomingPort"), String.valueOf(servers.dovecot().imapsPort()));
    browser.type(By.id("profile:outgoingPort"), String.valueOf(servers.postfix().smtpsPort()));
    switchOn("profile:incomingUseSsl");
    switchOn("profile:outgoingUseSsl");
    paste(By.id("profile:trustedCertificatesPem"), servers.certificates().caCertificatePem());
    browser.type(By.id("profile:testUsername"), mailUser.address());
    browser.type(By.id("profile:testPassword"), mailUser.password());
    browser.click(By.id("profile:testConnection"));
    browser.awaitText(By.id("profile:incomingStep"), "Incoming: passed");
    browser.awaitText(By.id("profile:outgoingStep"), "Outgoing: passed");
    browser.screenshot("first-email-profile-tested");
    browser.click(By.id("profile:save"));
    browser.awaitText(By.id("profile:messages"), "saved");

    // 2. Email configuration settings: the new profile is the default
    browser.open("admin/settings/settings.xhtml");
    browser.selectOne(
        "settings:defaultProfileId", optionValue("settings:defaultProfileId", profileName));
    browser.click(By.id("settings:save"));
    browser.awaitText(By.id("settings:messages"), "saved");

    // 3. Users and queues > New user: the person whose mailbox it is
    browser.open("admin/directory/directory.xhtml");
    browser.click(By.id("directory:tabs:newUser"));
    browser.type(By.id("directory:name"), mailUser.name());
    browser.type(By.id("directory:email"), mailUser.address());
    browser.click(By.id("directory:createUser"));
    // the shared test server has many users: the new one need not be on the table's first page
    browser.awaitText(By.id("directory:messages"), "User '" + mailUser.name() + "' created");

    // 4. The user's mailbox: user name, password, allow use of credentials; save
    browser.filterTable("directory:tabs:users", 0, mailUser.name());
    browser.awaitText(By.id("directory:tabs:users_data"), mailUser.name());
    browser.click(By.cssSelector("#directory\\:tabs\\:users_data a"));
    browser.awaitText(By.tagName("h1"), mailUser.name());
    browser.type(By.id("mailbox:username"), mailUser.address());
    browser.type(By.id("mailbox:password"), mailUser.password());
    switchOn("mailbox:allowCredentialUse");
    browser.click(By.id("mailbox:save"));
    browser.awaitText(By.id("mailbox:passwordSet"), "A password is stored");

    // 5. Active mailboxes: approve, then apply default settings with test & enable
    browser.open("admin/mailbox/mailboxes.xhtml");
    selectOnly(mailUser.address());
    browser.click(By.id("mailboxes:approve"));
    browser.awaitText(By.id("mailboxes:table"), "Approved");
    selectOnly(mailUser.address());
    browser.click(By.id("mailboxes:applyDefaults"));
    browser.awaitText(By.id("mailboxes:defaultProfile"), profileName);
    browser.click(By.id("mailboxes:applyDefaultsOk"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(d -> d.findElement(By.id("job:status")).getText().startsWith("Completed"));
    assertThat(browser.find(By.id("job:status")).getText()).isEqualTo("Completed");
    browser.screenshot("first-email-job");

    // 6. Someone writes; Email records shows it after the next poll
    String subject = ProfilesUiIT.unique("Hello SyncPost");
    servers
        .dovecot()
        .deliver(
            mailUser.name(),
            Messages.plainText("Ann <ann@example.org>", mailUser.address(), subject, "Hi!"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(180))
        .until(
            d -> {
              browser.open("admin/email/emails.xhtml");
              browser.type(By.id("records:subject"), subject);
              browser.click(By.id("records:search"));
              return d.findElement(By.id("records:table_data")).getText().contains(subject);
            });
    browser.screenshot("first-email-received");
  }

  private void switchOn(String toggleId) {
    if (!browser.present(By.id(toggleId + "_input")).isSelected()) {
      browser.click(By.cssSelector("[id='" + toggleId + "'] .ui-toggleswitch-slider"));
    }
  }

  /** The value of the menu's option that reads {@code label}, as a person picks it. */
  private String optionValue(String menuId, String label) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return Array.from(document.getElementById(arguments[0] + '_input').options)"
                    + ".find(o => o.text === arguments[1]).value;",
                menuId,
                label);
  }

  /** As a paste does: the whole text at once. */
  private void paste(By by, String text) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", browser.find(by), text);
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
