package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;

/** The guide's "Create an email server profile", in a real browser, and who may do it. */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class ProfilesUiIT {

  private static final String PROFILE_PASSWORD = "Profile-Secret-7f3a9";

  private final SyncPostServer server;
  private Browser browser;

  ProfilesUiIT(SyncPostServer server) {
    this.server = server;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Browser adminOverHttps() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    return browser;
  }

  /** The inline message Faces renders after an input for the violation of its field. */
  private static By messageNextTo(String inputId) {
    return By.xpath(
        "//*[@id='" + inputId + "']/following-sibling::*[contains(@class,'ui-message-error')]");
  }

  @Test
  void anAdministratorSignsInAndSeesTheDashboard() {
    Browser admin = adminOverHttps();
    admin.awaitText(By.id("signedInAs"), "admin");
    assertThat(admin.driver().getCurrentUrl()).endsWith("/admin/index.xhtml");
  }

  @Test
  void aSignInGoesBackToThePageAskedFor() {
    browser = new Browser(server.httpsBase());
    browser.open("admin/alert/alerts.xhtml");
    assertThat(browser.driver().getCurrentUrl()).contains("/login.xhtml");
    browser.type(By.id("login:username"), "admin");
    browser.type(By.id("login:password"), SyncPostServer.ADMIN_PASSWORD);
    browser.click(By.id("login:signIn"));
    // the click only starts the sign-in POST: wait until the browser has left the sign-in page
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
    assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/alert/alerts.xhtml");
  }

  @Test
  void aWrongPasswordIsRefusedInPlainWords() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", "not-the-password");
    browser.awaitText(By.id("login:messages"), "user name or password is not right");
  }

  @Test
  void aNewProfileShowsTheDefaultPortsAfterSave() {
    Browser admin = adminOverHttps();
    admin.open("admin/profile/profiles.xhtml");
    admin.click(By.id("profiles:newImap"));
    String name = unique("ui-profile");
    admin.type(By.id("profile:name"), name);
    admin.type(By.id("profile:incomingServer"), "imap.example.org");
    admin.type(By.id("profile:outgoingServer"), "smtp.example.org");
    admin.screenshot("profile-form");
    admin.click(By.id("profile:save"));

    admin.awaitText(By.id("profile:messages"), "saved");
    assertThat(admin.find(By.id("profile:incomingPort")).getDomProperty("value")).isEqualTo("993");
    assertThat(admin.find(By.id("profile:outgoingPort")).getDomProperty("value")).isEqualTo("465");
    admin.open("admin/profile/profiles.xhtml");
    admin.awaitText(By.id("profiles:table"), name);
    admin.screenshot("profiles");
  }

  @Test
  void aSendingRateLimitSetInTheAdvancedGroupReachesTheApi() {
    Browser admin = adminOverHttps();
    admin.open("admin/profile/profile.xhtml");
    String name = unique("ui-rate");
    admin.type(By.id("profile:name"), name);
    admin.type(By.id("profile:incomingServer"), "imap.example.org");
    admin.type(By.id("profile:outgoingServer"), "smtp.example.org");
    admin.type(By.id("profile:maxMessagesPerMinute_input"), "120");
    admin.click(By.id("profile:save"));

    admin.awaitText(By.id("profile:messages"), "saved");
    assertThat(
            server.admin().get("profiles?limit=1000").array().stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals(name))
                .map(p -> p.get("maxMessagesPerMinute").toString())
                .toList())
        .containsExactly("120");
  }

  @Test
  void aProfilePasswordNeverComesBackToTheBrowser() {
    Browser admin = adminOverHttps();
    admin.open("admin/profile/profile.xhtml");
    admin.type(By.id("profile:name"), unique("ui-secret"));
    admin.type(By.id("profile:incomingServer"), "imap.example.org");
    admin.type(By.id("profile:outgoingServer"), "smtp.example.org");
    admin.selectOne("profile:incomingCredentialSource", "PROFILE");
    admin.awaitEnabled(By.id("profile:username"), true);
    admin.type(By.id("profile:username"), "sync-account");
    admin.type(By.id("profile:password"), PROFILE_PASSWORD);
    admin.click(By.id("profile:save"));

    admin.awaitText(By.id("profile:passwordSet"), "A password is stored");
    String viewState = admin.present(By.name("jakarta.faces.ViewState")).getDomProperty("value");
    assertThat(admin.driver().getPageSource()).doesNotContain(PROFILE_PASSWORD);
    assertThat(viewState).doesNotContain(PROFILE_PASSWORD);
    assertThat(admin.find(By.id("profile:password")).getDomProperty("value")).isEmpty();
  }

  @Test
  void outgoingCredentialsFollowIncomingWhileTheSameSettingsAreUsed() {
    Browser admin = adminOverHttps();
    admin.open("admin/profile/profile.xhtml");
    assertThat(admin.find(By.id("profile:username")).isEnabled()).isFalse();
    assertThat(admin.find(By.id("profile:outgoingCredentialSource")).getAttribute("class"))
        .contains("ui-state-disabled");

    admin.selectOne("profile:incomingCredentialSource", "PROFILE");
    admin.awaitEnabled(By.id("profile:username"), true);
    admin.click(By.cssSelector("#profile\\:useSameSettingsForOutgoing .ui-toggleswitch-slider"));
    admin.awaitClass(By.id("profile:outgoingCredentialSource"), "ui-state-disabled", false);
  }

  @Test
  void anInvalidProfileShowsEachProblemNextToItsField() {
    Browser admin = adminOverHttps();
    admin.open("admin/profile/profile.xhtml");
    admin.selectOne("profile:incomingCredentialSource", "ANONYMOUS");
    admin.click(By.id("profile:save"));
    assertThat(admin.find(messageNextTo("profile:name")).getText()).contains("enter a name");
    assertThat(admin.find(messageNextTo("profile:incomingCredentialSource")).getText())
        .contains("anonymous");
  }

  @Test
  void overPlainHttpTheAdminUiMovesToHttpsAndThePasswordFieldWorksThere() {
    browser = new Browser(server.httpBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/profile/profile.xhtml");
    browser.selectOne("profile:incomingCredentialSource", "PROFILE");
    browser.awaitEnabled(By.id("profile:username"), true);
    assertThat(browser.driver().getCurrentUrl()).startsWith(server.httpsBase().toString());
    assertThat(browser.find(By.id("profile:password")).isEnabled()).isTrue();
  }

  @Test
  void anApproverSeesNoProfileEditingAndIsRefusedTheProfilePages() {
    String approver = unique("ui-approver");
    Reply created =
        server
            .admin()
            .post(
                "users",
                String.format(
                    "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"approver\"],"
                        + " \"password\": \"approver-password-1\"}",
                    approver, approver));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    browser = new Browser(server.httpsBase());
    browser.signIn(approver, "approver-password-1");
    browser.awaitText(By.id("signedInAs"), approver);
    assertThat(browser.driver().findElements(By.id("nav:profiles"))).isEmpty();
    assertThat(browser.driver().findElements(By.id("nav:mailboxes"))).isNotEmpty();

    browser.open("admin/profile/profile.xhtml");
    assertThat(browser.driver().findElements(By.id("profile:save"))).isEmpty();
    assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
  }
}
