package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;

/**
 * Issue 18, first part: the admin UI speaks in words, names and the viewer's local time, not in
 * enum codes, ids and UTC instants; unknown ids get a page, and the site has an icon.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(300)
class PlainWordsUiIT {

  /** An enum constant as Java writes it: two or more capital words joined by underscores. */
  private static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z]+(_[A-Z]+)+\\b");

  /** One-word constants that an untranslated page would show as they are. */
  private static final Pattern ONE_WORD_CODE =
      Pattern.compile(
          "\\b(PENDING|APPROVED|REJECTED|SUCCESS|FAILURE|INFORMATION|WARNING|QUEUED|RUNNING"
              + "|COMPLETED|SUCCEEDED|SKIPPED|RECEIVED|OUTGOING|INCOMING|ADMINISTRATOR|APPROVER"
              + "|NONE|BASIC|ON|OFF)\\b");

  private static final ZoneId VIEWER_ZONE = ZoneId.of("Asia/Kolkata");

  private final SyncPostServer server;
  private Browser browser;
  private long mailboxId;
  private String mailboxName;
  private long jobId;

  PlainWordsUiIT(SyncPostServer server) {
    this.server = server;
  }

  /** A user's mailbox, and a finished test & enable job about it (it fails: no profile). */
  @BeforeEach
  void mailboxWithAJob() {
    mailboxName = ProfilesUiIT.unique("ui-words");
    Reply user =
        server
            .admin()
            .post(
                "users",
                Json.createObjectBuilder()
                    .add("name", mailboxName)
                    .add("email", mailboxName + "@example.org")
                    .build()
                    .toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    Reply job =
        server
            .admin()
            .post(
                "mailboxes/test-and-enable",
                Json.createObjectBuilder()
                    .add("mailboxIds", Json.createArrayBuilder().add(mailboxId))
                    .build()
                    .toString());
    assertThat(job.status()).as(job.toString()).isEqualTo(202);
    jobId = job.json().getJsonNumber("id").longValue();
    browser = new Browser(server.httpsBase());
    browser
        .driver()
        .executeCdpCommand(
            "Emulation.setTimezoneOverride", Map.of("timezoneId", VIEWER_ZONE.getId()));
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
  }

  /** The job page polls until the job is finished; its status then reads in words. */
  private void openFinishedJob() {
    browser.open("admin/job/job.xhtml?id=" + jobId);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(
            d ->
                d.findElements(By.id("job:poll")).isEmpty()
                    || finished(d.findElement(By.id("job:status")).getText()));
    browser.awaitText(By.id("job:progress"), "100%");
  }

  private static boolean finished(String status) {
    return status.startsWith("Completed") || status.equals("Failed");
  }

  /** What a person can read on the page, the options of menus and hidden dialogs' labels too. */
  private String wordsOnPage() {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "var parts = [document.body.innerText];"
                    + " document.querySelectorAll('label, option, .ui-selectonemenu-item,"
                    + " .ui-dialog-title, .ui-column-title')"
                    + ".forEach(function (e) { parts.push(e.textContent); });"
                    + " return parts.join('\\n');");
  }

  @Test
  void noPageShowsAnEnumCode() {
    openFinishedJob();
    List<String> pages =
        List.of(
            "admin/index.xhtml",
            "admin/profile/profiles.xhtml",
            "admin/profile/profile.xhtml",
            "admin/settings/settings.xhtml",
            "admin/directory/directory.xhtml",
            "admin/mailbox/mailboxes.xhtml",
            "admin/mailbox/mailbox.xhtml?id=" + mailboxId,
            "admin/job/jobs.xhtml",
            "admin/job/job.xhtml?id=" + jobId,
            "admin/alert/alerts.xhtml",
            "admin/email/emails.xhtml",
            "admin/incoming/quarantine.xhtml",
            "admin/webhook/webhooks.xhtml");
    for (String page : pages) {
      browser.open(page);
      String words = wordsOnPage();
      assertThat(ENUM_CODE.matcher(words).results().map(m -> m.group()).toList())
          .as("codes on %s", page)
          .isEmpty();
      assertThat(ONE_WORD_CODE.matcher(words).results().map(m -> m.group()).toList())
          .as("codes on %s", page)
          .isEmpty();
    }
  }

  @Test
  void aJobListsItsMailboxesByNameWithALinkToEach() {
    openFinishedJob();

    WebElement link = browser.find(By.cssSelector("#job\\:results a[id$=':mailbox']"));
    assertThat(link.getText()).isEqualTo(mailboxName);
    link.click();
    browser.awaitQuiet();
    browser.awaitText(By.tagName("h1"), "Mailbox: " + mailboxName);
  }

  @Test
  void timesReadInTheViewersZoneWithTheUtcInstantOnHover() {
    openFinishedJob();

    WebElement time = browser.find(By.cssSelector("#job\\:results time.sp-time"));
    String utc = time.getAttribute("datetime");
    assertThat(time.getAttribute("title")).contains(utc).contains("UTC");
    ZonedDateTime local = Instant.parse(utc).atZone(VIEWER_ZONE);
    String text = time.getText();
    assertThat(text).doesNotContain(utc).doesNotContain("Z");
    // Kolkata is UTC+05:30: the minutes show whether the viewer's zone was applied
    assertThat(text)
        .containsAnyOf(
            String.format(
                "%d:%02d:%02d",
                (local.getHour() + 11) % 12 + 1, local.getMinute(), local.getSecond()),
            String.format("%02d:%02d:%02d", local.getHour(), local.getMinute(), local.getSecond()));
  }

  @Test
  void anUnknownOrMalformedMailboxIdShowsANotFoundPage() {
    for (String id : new String[] {"abc", "987654321"}) {
      browser.open("admin/mailbox/mailbox.xhtml?id=" + id);

      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
      assertThat(browser.find(By.id("mailbox:notFound")).getText())
          .contains("There is no mailbox with this id");
      assertThat(browser.driver().findElements(By.cssSelector(".ui-growl-item, .ui-messages div")))
          .as("the page says it once, in its own words, and no message besides")
          .isEmpty();
    }
  }

  @Test
  void everyPageNamesAnIconTheServerHas() {
    browser.open("admin/index.xhtml");

    Object answer =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + " fetch(document.querySelector(\"link[rel='icon']\").href)"
                    + ".then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); },"
                    + " function (e) { done(String(e)); });");

    assertThat(answer.toString()).startsWith("200 image/");
  }

  @Test
  void aPortAbove65535IsRefusedWithAMessageInsteadOfBeingCutShort() {
    browser.open("admin/profile/profile.xhtml");
    browser.type(By.id("profile:name"), ProfilesUiIT.unique("ui-port"));
    browser.type(By.id("profile:incomingServer"), "imap.example.org");
    browser.type(By.id("profile:outgoingServer"), "smtp.example.org");
    browser.type(By.id("profile:incomingPort"), "99999");

    browser.click(By.id("profile:save"));

    By message =
        By.xpath(
            "//*[@id='profile:incomingPort']/following-sibling::*[contains(@class,"
                + "'ui-message-error')]");
    browser.awaitText(message, "1 to 65535");
    assertThat(browser.find(By.id("profile:incomingPort")).getDomProperty("value"))
        .isEqualTo("99999");
  }

  @Test
  void aDisabledPasswordFieldLooksDisabled() {
    // the UI is HTTPS only now (plain HTTP redirects), so passwords are disabled where they do not
    // apply: a profile that signs in with each mailbox's credentials has no password of its own
    browser.open("admin/profile/profile.xhtml?type=IMAP_SMTP");

    WebElement password = browser.find(By.id("profile:password"));
    assertThat(password.isEnabled()).isFalse();
    assertThat(password.getCssValue("background-color")).isEqualTo("rgba(236, 239, 241, 1)");
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
