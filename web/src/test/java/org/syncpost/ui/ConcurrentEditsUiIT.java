package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.Bodies;
import org.syncpost.system.SignInUsers;
import org.syncpost.system.SyncPostServer;

/**
 * Two administrators in two browser sessions edit the same record: the form opened first carries
 * the version it showed, so its save stores nothing and says who changed the record and when,
 * instead of silently overwriting their change.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(240)
class ConcurrentEditsUiIT {

  private static final String PASSWORD = "concurrent-editor-password-1";

  private final SyncPostServer server;
  private final Api admin;
  private Browser first;
  private Browser second;

  ConcurrentEditsUiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @AfterEach
  void closeBrowsers() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  /** Another administrator, signed in in a browser of their own. */
  private String otherAdministrator() {
    String name = ProfilesUiIT.unique("editor");
    SignInUsers.create(admin, name, PASSWORD, "administrator");
    return name;
  }

  @Test
  void aProfileSavedFromAFormOpenedBeforeSomeoneElseSavedItStoresNothingAndSaysWhoChangedIt() {
    long profileId =
        admin
            .post("profiles", Bodies.imapProfile(ProfilesUiIT.unique("ui-concurrent")))
            .json()
            .getJsonNumber("id")
            .longValue();
    String editor = otherAdministrator();
    String page = "admin/profile/profile.xhtml?id=" + profileId;
    first = new Browser(server.httpsBase());
    first.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    first.open(page);
    second = new Browser(server.httpsBase());
    second.signIn(editor, PASSWORD);
    second.open(page);

    second.type(By.id("profile:description"), "theirs");
    second.click(By.id("profile:save"));
    second.awaitText(By.id("profile:messages"), "saved");
    first.type(By.id("profile:description"), "mine");
    first.click(By.id("profile:save"));

    first.awaitText(By.id("profile:messages"), "reload to see their change");
    assertThat(first.find(By.id("profile:messages")).getText())
        .contains(editor + " changed this profile at ");
    assertThat(admin.get("profiles/" + profileId).json().getString("description"))
        .isEqualTo("theirs");
  }

  @Test
  void aMailboxSavedTwiceFromOneFormIsNotAConflictButAfterAnotherSaveItIs() {
    Reply user =
        admin.post("users", Bodies.user(ProfilesUiIT.unique("ui-concurrent")).build().toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    long mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    long profileId =
        admin
            .post("profiles", Bodies.imapProfile(ProfilesUiIT.unique("ui-concurrent")))
            .json()
            .getJsonNumber("id")
            .longValue();
    Reply configured =
        admin.patch(
            "mailboxes/" + mailboxId,
            Json.createObjectBuilder()
                .add("profileId", profileId)
                .add("username", "concurrent")
                .add("password", "mailbox-password")
                .add("allowCredentialUse", true)
                .add("incomingDeliveryMethod", "SERVER_SIDE_SYNC")
                .add("outgoingDeliveryMethod", "NONE")
                .add("folders", "INBOX")
                .build()
                .toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    String editor = otherAdministrator();
    String page = "admin/mailbox/mailbox.xhtml?id=" + mailboxId;
    first = new Browser(server.httpsBase());
    first.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    first.open(page);
    first.type(By.id("mailbox:folders"), "INBOX,Mine");
    first.click(By.id("mailbox:save"));
    first.awaitText(By.id("mailbox:messages"), "saved");
    second = new Browser(server.httpsBase());
    second.signIn(editor, PASSWORD);
    second.open(page);

    second.type(By.id("mailbox:folders"), "INBOX,Theirs");
    second.click(By.id("mailbox:save"));
    second.awaitText(By.id("mailbox:messages"), "saved");
    first.type(By.id("mailbox:folders"), "INBOX,Mine,Again");
    first.click(By.id("mailbox:save"));

    first.awaitText(By.id("mailbox:messages"), "reload to see their change");
    assertThat(first.find(By.id("mailbox:messages")).getText())
        .contains(editor + " changed this mailbox at ");
    assertThat(admin.get("mailboxes/" + mailboxId).json().getString("folders"))
        .isEqualTo("INBOX,Theirs");
  }
}
