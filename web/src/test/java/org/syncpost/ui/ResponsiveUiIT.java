package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.ArrayList;
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
          "admin/profile/profile.xhtml",
          "admin/settings/settings.xhtml",
          "admin/directory/directory.xhtml",
          "admin/mailbox/mailboxes.xhtml",
          "admin/job/jobs.xhtml",
          "admin/alert/alerts.xhtml",
          "admin/email/emails.xhtml",
          "admin/incoming/quarantine.xhtml",
          "admin/webhook/webhooks.xhtml",
          "admin/mailbox/mailbox.xhtml?id=987654321");

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
    browser.open("login.xhtml");
    assertThat(sidewaysOverflow()).as("login.xhtml").isZero();
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
  }

  /**
   * Every page, the pages of one mailbox, job and email record too: a user whose mailbox failed its
   * test (a job, an error alert) and a draft email from that mailbox.
   */
  private List<String> everyPage() {
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
    Api.Reply job =
        admin.post(
            "mailboxes/test-and-enable",
            Json.createObjectBuilder()
                .add("mailboxIds", Json.createArrayBuilder().add(mailboxId))
                .build()
                .toString());
    assertThat(job.status()).as(job.toString()).isEqualTo(202);
    Api.Reply email =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", mailboxId)
                .add("to", Json.createArrayBuilder().add("Bob <bob@example.org>"))
                .add("subject", "A draft to read on a phone")
                .add("textBody", "Hello Bob.")
                .add("draft", true)
                .build()
                .toString());
    assertThat(email.status()).as(email.toString()).isEqualTo(201);
    List<String> pages = new ArrayList<>(PAGES);
    pages.add("admin/mailbox/mailbox.xhtml?id=" + mailboxId);
    pages.add("admin/outgoing/compose.xhtml?mailbox=" + mailboxId);
    pages.add("admin/job/job.xhtml?id=" + job.json().getJsonNumber("id").longValue());
    pages.add("admin/email/email.xhtml?id=" + email.json().getJsonNumber("id").longValue());
    return pages;
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
    List<String> pages = everyPage();
    signInAt(390, 844);
    for (String page : pages) {
      browser.open(page);
      assertThat(browser.find(By.id("menuToggle")).isDisplayed()).as(page).isTrue();
      assertThat(browser.present(By.id("sideMenu")).isDisplayed()).as(page).isFalse();
      assertThat(sidewaysOverflow()).as("%s: %s", page, widerThanTheWindow()).isZero();
    }
    browser.screenshot("phone-mailboxes-closed");

    browser.click(By.id("menuToggle"));

    assertThat(browser.find(By.id("sideMenu")).isDisplayed()).isTrue();
    assertThat(browser.find(By.id("menuToggle")).getAttribute("aria-expanded")).isEqualTo("true");
    browser.screenshot("phone-menu-open");
  }

  /** The elements reaching past the window's right edge, to say what widens a page. */
  private String widerThanTheWindow() {
    return (String)
        browser
            .driver()
            .executeScript(
                "var w = document.documentElement.clientWidth;"
                    + " return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > w + 1 && e.offsetParent !== null)"
                    + ".slice(-8).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' | ');");
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

  /**
   * Words of letters in table cells that the browser broke across two lines ("Informatio" / "n"):
   * each word of a cell's text is measured on its own, a word on one line has one box.
   */
  @SuppressWarnings("unchecked")
  private List<String> wordsBrokenAcrossLines() {
    return (List<String>)
        browser
            .driver()
            .executeScript(
                "var broken = [];"
                    + " document.querySelectorAll('.ui-datatable tbody td, .sp-cards').forEach("
                    + " function (cell) { if (cell.offsetParent === null) { return; }"
                    + " var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);"
                    + " for (var node = walker.nextNode(); node; node = walker.nextNode()) {"
                    // words of letters alone: an address or a token may wrap inside the cell
                    + "   var re = /(^|\\s)([A-Za-z]{2,})(?=[\\s.,:;!?)]|$)/g, m;"
                    + "   while ((m = re.exec(node.data)) !== null) {"
                    + "     var start = m.index + m[1].length, range = document.createRange();"
                    + "     range.setStart(node, start); range.setEnd(node, start + m[2].length);"
                    // a word at a line's start may also get an empty box at the end of the line
                    // before: only boxes with a width count
                    + "     var boxes = Array.from(range.getClientRects()).filter(r => r.width > 0);"
                    + "     if (boxes.length > 1) { broken.push(m[2] + ' in: ' + cell.textContent.trim()); } } } });"
                    + " return broken;");
  }

  @Test
  void onADesktopTheMenuStaysAndNothingIsWiderThanTheWindowNorCutOff() {
    // a user (a row on the users and mailboxes pages) whose mailbox failed its test (an alert)
    List<String> pages = everyPage();
    signInAt(1280, 900);
    for (String page : pages) {
      browser.open(page);
      assertThat(browser.present(By.id("menuToggle")).isDisplayed()).as(page).isFalse();
      assertThat(browser.find(By.id("sideMenu")).isDisplayed()).as(page).isTrue();
      assertThat(sidewaysOverflow()).as(page).isZero();
      assertThat(clippedCells()).as(page).isEmpty();
      assertThat(wordsBrokenAcrossLines()).as(page).isEmpty();
    }
  }
}
