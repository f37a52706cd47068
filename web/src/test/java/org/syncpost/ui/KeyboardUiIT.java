package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;

/**
 * Issue 18: the forms can be walked with Tab alone, without a trap (the date pickers open only on
 * their button, not on focus), the first Tab offers a way past the menu, and wherever the focus is
 * a ring of at least 2 px with enough contrast shows it.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(240)
class KeyboardUiIT {

  /** More Tab presses than either form has controls: a walk that needs more is trapped. */
  private static final int MOST_TABS = 80;

  /**
   * Where the focus is: its id, whether a date picker's calendar is showing, and the widest focus
   * ring drawn on the element or on the PrimeFaces widget it belongs to (its hidden input has the
   * focus, the widget draws the ring) with the ring's contrast against the page's background.
   */
  private static final String FOCUS =
      "var el = document.activeElement;"
          + " function lum(c) { var m = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(function (v) {"
          + "   v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
          + "   return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; }"
          + " var bg = lum(getComputedStyle(document.body).backgroundColor);"
          + " var candidates = [el];"
          + " var widget = el.closest('.ui-selectonemenu, .ui-toggleswitch, .ui-chkbox, .ui-radiobutton,"
          + " .ui-inputnumber, .ui-password, .ui-datepicker');"
          + " if (widget) { candidates.push(widget);"
          + "   widget.querySelectorAll('.ui-state-focus').forEach(function (e) { candidates.push(e); }); }"
          + " var ring = 0, contrast = 0;"
          + " candidates.forEach(function (e) { var s = getComputedStyle(e);"
          + "   var w = parseFloat(s.outlineWidth);"
          + "   if (s.outlineStyle !== 'none' && w > ring) { ring = w; var l = lum(s.outlineColor);"
          + "     contrast = (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05); } });"
          + " var calendar = Array.from(document.querySelectorAll('.ui-datepicker-panel'))"
          + "   .some(function (p) { return p.offsetParent !== null; });"
          + " return {id: el.id || el.tagName, ring: ring, contrast: contrast, calendar: calendar};";

  private final SyncPostServer server;
  private Browser browser;
  private long mailboxId;

  KeyboardUiIT(SyncPostServer server) {
    this.server = server;
  }

  @BeforeEach
  void signIn() {
    String name = ProfilesUiIT.unique("ui-keys");
    Reply user =
        server
            .admin()
            .post(
                "users",
                Json.createObjectBuilder()
                    .add("name", name)
                    .add("email", name + "@example.org")
                    .build()
                    .toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private void tab() {
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> focus() {
    return (Map<String, Object>) browser.driver().executeScript(FOCUS);
  }

  /**
   * Tabs from {@code first} until the focus reaches {@code last}; every stop on the way must show a
   * ring and no calendar may open. Answers the ids of the stops.
   */
  private List<String> walk(String first, String last) {
    browser.find(By.id(first)).click();
    browser.awaitQuiet();
    List<String> stops = new ArrayList<>();
    for (int i = 0; i < MOST_TABS; i++) {
      tab();
      Map<String, Object> at = focus();
      String id = (String) at.get("id");
      stops.add(id);
      assertThat(at.get("calendar")).as("a calendar opened at %s", id).isEqualTo(false);
      assertThat(((Number) at.get("ring")).doubleValue())
          .as("focus ring at %s", id)
          .isGreaterThanOrEqualTo(2.0);
      assertThat(((Number) at.get("contrast")).doubleValue())
          .as("focus ring contrast at %s", id)
          .isGreaterThanOrEqualTo(3.0);
      if (id.startsWith(last)) {
        return stops;
      }
    }
    throw new AssertionError("Tab never reached " + last + " from " + first + ": " + stops);
  }

  @Test
  void theProfileFormIsWalkedWithTabPastTheDatePickerWithAVisibleRing() {
    browser.open("admin/profile/profile.xhtml");

    List<String> stops = walk("profile:name", "profile:testConnection");

    assertThat(stops).contains("profile:processEmailFrom_input", "profile:testUsername");
  }

  @Test
  void theMailboxFormIsWalkedWithTabPastTheDatePickerWithAVisibleRing() {
    browser.open("admin/mailbox/mailbox.xhtml?id=" + mailboxId);

    List<String> stops = walk("mailbox:save", "mailbox:allowCredentialUse");

    assertThat(stops).contains("mailbox:processEmailReceivedAfter_input", "mailbox:username");
  }

  @Test
  void theFirstTabOffersToSkipTheMenuAndLandsInTheContent() {
    browser.open("admin/mailbox/mailboxes.xhtml");

    tab();
    assertThat(focus().get("id")).isEqualTo("skipToContent");
    assertThat(browser.find(By.id("skipToContent")).isDisplayed()).isTrue();
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

    assertThat(focus().get("id")).isEqualTo("content");
  }
}
