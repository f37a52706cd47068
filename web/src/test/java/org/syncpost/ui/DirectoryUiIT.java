package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.Bodies;
import org.syncpost.system.SyncPostServer;

/**
 * Users and queues in the browser: created, edited and deleted (deactivated while email records
 * belong to the mailbox), each leading to its mailbox, whose password is write-only.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class DirectoryUiIT {

  private static final String USERS = "directory:tabs:users";

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

  /** A user made through the API: its JSON, with {@code mailboxId}. */
  private JsonObject user(String name) {
    Reply created = server.admin().post("users", Bodies.user(name).build().toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void theSearchFindsAUserOnALaterPageAndAQueueOwnerIsChosenFromSuggestions() {
    String prefix = ProfilesUiIT.unique("ui-many");
    JsonObject owner = null;
    for (int i = 0; i < 30; i++) {
      JsonObject user = user(String.format("%s-%02d", prefix, i));
      owner = i == 7 ? user : owner;
    }
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/directory/directory.xhtml");

    browser.searchTable(USERS, prefix.toUpperCase());
    assertThat(browser.rows(USERS)).hasSize(25);
    browser.searchTable(USERS, prefix + "-29@");
    assertThat(browser.rows(USERS)).singleElement().asString().contains(prefix + "-29");

    String queue = ProfilesUiIT.unique("ui-owned");
    browser.click(By.cssSelector("[id='directory:tabs'] a[href$='queuesTab']"));
    browser.click(By.id("directory:tabs:newQueue"));
    browser.type(By.id("directory:queue:name"), queue);
    browser.type(By.id("directory:queue:email"), queue + "@example.org");
    browser.type(By.id("directory:queue:owner_input"), prefix + "-07");
    browser.click(
        By.cssSelector(
            "[id='directory:queue:owner_panel'] li[data-item-value='" + prefix + "-07']"));
    browser.click(By.id("directory:createQueue"));
    browser.awaitText(By.id("directory:messages"), "Queue '" + queue + "' created");
    // the page stays where the queue was made
    assertThat(
            browser
                .find(By.cssSelector("#directory\\:tabs .ui-tabs-header.ui-state-active"))
                .getText())
        .isEqualTo("Queues");

    JsonObject created =
        server.admin().get("queues?limit=1000").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(q -> q.getString("name").equals(queue))
            .findFirst()
            .orElseThrow();
    assertThat(created.getJsonNumber("ownerId")).isEqualTo(owner.getJsonNumber("id"));
  }

  @Test
  void aRefusedNewUserKeepsTheDialogOpenWithTheReasonsInside() {
    String taken = ProfilesUiIT.unique("ui-taken");
    user(taken);
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/directory/directory.xhtml");

    browser.click(By.id("directory:tabs:newUser"));
    browser.type(By.id("directory:name"), ProfilesUiIT.unique("ui-bad"));
    browser.type(By.id("directory:email"), "not an address");
    browser.click(By.id("directory:createUser"));
    assertThat(errorInside("directory:newUserFields")).isNotBlank();
    assertThat(browser.find(By.id("directory:newUserDialog")).isDisplayed()).isTrue();

    browser.type(By.id("directory:name"), taken);
    browser.type(By.id("directory:email"), ProfilesUiIT.unique("ui-other") + "@example.org");
    browser.click(By.id("directory:createUser"));
    browser.awaitText(By.id("directory:newUserFields"), taken);
    assertThat(browser.find(By.id("directory:newUserDialog")).isDisplayed()).isTrue();
  }

  @Test
  void aRefusedNewQueueKeepsTheDialogOpenOnTheQueuesTab() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/directory/directory.xhtml");
    browser.click(By.cssSelector("#directory\\:tabs a[href$='queuesTab']"));

    browser.click(By.id("directory:tabs:newQueue"));
    browser.type(By.id("directory:queue:name"), ProfilesUiIT.unique("ui-bad-queue"));
    browser.type(By.id("directory:queue:email"), "not an address");
    browser.click(By.id("directory:createQueue"));

    assertThat(errorInside("directory:newQueueFields")).isNotBlank();
    assertThat(browser.find(By.id("directory:newQueueDialog")).isDisplayed()).isTrue();
    assertThat(
            browser
                .find(By.cssSelector("#directory\\:tabs .ui-tabs-header.ui-state-active"))
                .getText())
        .isEqualTo("Queues");
  }

  /** The first error message shown inside the element, once there is one. */
  private String errorInside(String id) {
    By errors =
        By.cssSelector("[id='" + id + "'] .ui-message-error, [id='" + id + "'] .ui-messages-error");
    return new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver(), java.time.Duration.ofSeconds(60))
        .until(
            d ->
                d.findElements(errors).stream()
                    .filter(org.openqa.selenium.WebElement::isDisplayed)
                    .map(org.openqa.selenium.WebElement::getText)
                    .filter(text -> !text.isBlank())
                    .findFirst()
                    .orElse(null));
  }

  private void openUserRow(String name) {
    browser.open("admin/directory/directory.xhtml");
    browser.filterTable("directory:tabs:users", 0, name);
    browser.awaitText(By.id("directory:tabs:users_data"), name);
  }

  @Test
  void anEditedUserKeepsTheirMailboxUnderTheNewAddress() {
    String name = ProfilesUiIT.unique("ui-edit");
    long mailboxId = user(name).getJsonNumber("mailboxId").longValue();
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);

    openUserRow(name);
    browser.click(By.cssSelector("#directory\\:tabs\\:users_data button[id$=':editUser']"));
    browser.awaitText(By.id("directory:newUserDialog"), "Edit user");
    browser.type(By.id("directory:email"), name + "@moved.example.org");
    browser.click(By.id("directory:createUser"));
    browser.awaitText(By.id("directory:messages"), "saved");

    assertThat(server.admin().get("mailboxes/" + mailboxId).json().getString("email"))
        .isEqualTo(name + "@moved.example.org");
  }

  @Test
  void aUserWhoseMailboxHasEmailRecordsIsDeactivatedAndAnotherIsDeleted() {
    Api admin = server.admin();
    String prefix = ProfilesUiIT.unique("ui-del");
    JsonObject withEmails = user(prefix + "-sender");
    JsonObject withoutEmails = user(prefix + "-idle");
    Reply draft =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", withEmails.getJsonNumber("mailboxId"))
                .add("to", Json.createArrayBuilder().add("someone@example.org"))
                .add("subject", "kept for the record")
                .add("draft", true)
                .build()
                .toString());
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);

    for (String name : new String[] {prefix + "-sender", prefix + "-idle"}) {
      openUserRow(name);
      browser.click(By.cssSelector("#directory\\:tabs\\:users_data button[id$=':deleteUser']"));
      browser.click(By.id("directory:confirmYes"));
      browser.awaitText(By.id("directory:messages"), name);
    }

    JsonObject kept = admin.get("users/" + withEmails.getJsonNumber("id")).json();
    JsonObject keptMailbox = admin.get("mailboxes/" + withEmails.getJsonNumber("mailboxId")).json();
    assertThat(
            List.of(
                kept.getBoolean("active"),
                keptMailbox.getBoolean("active"),
                admin.get("users/" + withoutEmails.getJsonNumber("id")).status()))
        .containsExactly(false, false, 404);
  }
}
