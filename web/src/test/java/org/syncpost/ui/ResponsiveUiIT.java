package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.syncpost.system.Api;
import org.syncpost.system.SyncPostServer;

/**
 * The admin UI on a phone and on a desktop (issue 18): under ~900 px the side menu hides behind the
 * header's menu button and no page scrolls sideways (tables scroll inside themselves); at 1280 px
 * the menu stays and nothing is wider than the window.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class ResponsiveUiIT {

  private static final List<String> PAGES =
      List.of(
          "admin/index.xhtml",
          "admin/profile/profiles.xhtml",
          "admin/settings/settings.xhtml",
          "admin/directory/directory.xhtml",
          "admin/mailbox/mailboxes.xhtml",
          "admin/job/jobs.xhtml",
          "admin/alert/alerts.xhtml",
          "admin/email/emails.xhtml",
          "admin/incoming/quarantine.xhtml");

  private final SyncPostServer server;
  private Browser browser;

  ResponsiveUiIT(SyncPostServer server) {
    this.server = server;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private void signInAt(int width, int height) {
    browser = new Browser(server.httpsBase());
    browser.driver().manage().window().setSize(new Dimension(width, height));
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
  }

  /** How many CSS pixels the page is wider than the window (0: no sideways scrolling). */
  private long sidewaysOverflow() {
    return (Long)
        browser
            .driver()
            .executeScript(
                "return Math.max(0, document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth);");
  }

  @Test
  void onAPhoneTheMenuHidesBehindAButtonAndNoPageScrollsSideways() {
    signInAt(390, 844);
    for (String page : PAGES) {
      browser.open(page);
      assertThat(browser.find(By.id("menuToggle")).isDisplayed()).as(page).isTrue();
      assertThat(browser.present(By.id("sideMenu")).isDisplayed()).as(page).isFalse();
      assertThat(sidewaysOverflow()).as(page).isZero();
    }
    browser.screenshot("phone-mailboxes-closed");

    browser.click(By.id("menuToggle"));

    assertThat(browser.find(By.id("sideMenu")).isDisplayed()).isTrue();
    assertThat(browser.find(By.id("menuToggle")).getAttribute("aria-expanded")).isEqualTo("true");
    browser.screenshot("phone-menu-open");
  }

  /** The table data cells whose content is cut off (wider than the cell shows), as their text. */
  @SuppressWarnings("unchecked")
  private List<String> clippedCells() {
    return (List<String>)
        browser
            .driver()
            .executeScript(
                "return Array.from(document.querySelectorAll('.ui-datatable tbody td'))"
                    + ".filter(c => c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1)"
                    + ".map(c => c.textContent.trim());");
  }

  @Test
  void onADesktopTheMenuStaysAndNothingIsWiderThanTheWindowNorCutOff() {
    // a user (a row on the users and mailboxes pages) whose mailbox failed its test (an alert)
    String name = ProfilesUiIT.unique("uiwide");
    Api admin = server.admin();
    Api.Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", name)
                .add("email", name + "@example.org")
                .build()
                .toString());
    long mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}");
    signInAt(1280, 900);
    for (String page : PAGES) {
      browser.open(page);
      assertThat(browser.present(By.id("menuToggle")).isDisplayed()).as(page).isFalse();
      assertThat(browser.find(By.id("sideMenu")).isDisplayed()).as(page).isTrue();
      assertThat(sidewaysOverflow()).as(page).isZero();
      assertThat(clippedCells()).as(page).isEmpty();
    }
  }
}
