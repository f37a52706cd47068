package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;

/** The guide's "Change multiple records" on the active mailboxes, in the browser. */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class MailboxesUiIT {

  private final SyncPostServer server;
  private final Api admin;
  private Browser browser;

  MailboxesUiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private long profile() {
    Reply created =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", ProfilesUiIT.unique("ui-bulk"))
                .add("serverType", "IMAP_SMTP")
                .add("incomingServer", "imap.example.org")
                .add("outgoingServer", "smtp.example.org")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /** A new user's mailbox, its name starting with {@code prefix}. */
  private long mailbox(String prefix) {
    String name = ProfilesUiIT.unique(prefix);
    Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", name)
                .add("email", name + "@example.org")
                .build()
                .toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    return user.json().getJsonNumber("mailboxId").longValue();
  }

  @Test
  void editingSeveralSelectedMailboxesChangesProfileAndDeliveryMethodsOfEachOfThem() {
    long profileId = profile();
    String prefix = ProfilesUiIT.unique("bulk");
    List<Long> selected = List.of(mailbox(prefix), mailbox(prefix));
    long untouched = mailbox(ProfilesUiIT.unique("other"));

    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/mailbox/mailboxes.xhtml");
    browser.filterTable("mailboxes:table", 0, prefix);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("#mailboxes\\:table_data tr")).size() == 2);
    browser.click(By.cssSelector("#mailboxes\\:table_data tr:nth-child(1) .ui-chkbox-box"));
    browser.click(By.cssSelector("#mailboxes\\:table_data tr:nth-child(2) .ui-chkbox-box"));
    browser.click(By.id("mailboxes:edit"));
    browser.find(By.id("mailboxes:editDialog"));
    browser.selectOne("mailboxes:profileId", String.valueOf(profileId));
    browser.selectOne("mailboxes:incomingDeliveryMethod", "SERVER_SIDE_SYNC");
    browser.selectOne("mailboxes:outgoingDeliveryMethod", "NONE");
    browser.screenshot("bulk-edit");
    browser.click(By.id("mailboxes:change"));
    browser.awaitText(By.id("growl_container"), "Changed 2 mailboxes");

    String expected = profileId + " SERVER_SIDE_SYNC NONE";
    assertThat(selected.stream().map(id -> describe(admin.get("mailboxes/" + id).json())))
        .containsExactly(expected, expected);
    assertThat(describe(admin.get("mailboxes/" + untouched).json())).isNotEqualTo(expected);
  }

  private static String describe(JsonObject mailbox) {
    return mailbox.get("profileId")
        + " "
        + mailbox.getString("incomingDeliveryMethod")
        + " "
        + mailbox.getString("outgoingDeliveryMethod");
  }
}
