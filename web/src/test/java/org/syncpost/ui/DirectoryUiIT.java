package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.syncpost.system.SyncPostServer;

/** Users and queues in the browser, each leading to its mailbox, whose password is write-only. */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class DirectoryUiIT {

  private static final String MAILBOX_PASSWORD = "Mailbox-Secret-91c2e";

  private final SyncPostServer server;
  private Browser browser;

  DirectoryUiIT(SyncPostServer server) {
    this.server = server;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aNewUserGetsAMailboxWhoseCredentialsAreSetButNeverShown() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/directory/directory.xhtml");
    String name = ProfilesUiIT.unique("ui-user");
    browser.click(By.id("directory:tabs:newUser"));
    browser.type(By.id("directory:name"), name);
    browser.type(By.id("directory:email"), name + "@example.org");
    browser.type(By.id("directory:password"), "user-password-123");
    browser.click(By.id("directory:createUser"));
    browser.awaitText(By.id("directory:tabs:users"), name);
    browser.screenshot("users");

    browser.filterTable("directory:tabs:users", 0, name);
    browser.awaitText(By.id("directory:tabs:users_data"), name);
    browser.click(By.cssSelector("#directory\\:tabs\\:users_data a"));
    browser.awaitText(By.tagName("h1"), name);
    browser.type(By.id("mailbox:username"), name + "@example.org");
    browser.type(By.id("mailbox:password"), MAILBOX_PASSWORD);
    browser.click(By.id("mailbox:save"));
    browser.awaitText(By.id("mailbox:passwordSet"), "A password is stored");
    assertThat(browser.driver().getPageSource()).doesNotContain(MAILBOX_PASSWORD);
    browser.screenshot("mailbox");
  }
}
