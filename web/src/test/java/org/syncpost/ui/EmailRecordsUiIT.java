package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.ui.DovecotMailboxes.Owner;

/**
 * Email records in the browser, ingested for real from a private Dovecot: the lists, one record
 * with its conversation and attachment, a hostile HTML body shown without running anything or
 * loading anything from elsewhere until the person asks for remote images, and the quarantine's
 * retry.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(300)
class EmailRecordsUiIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final SyncPostServer server;
  private final DovecotMailboxes mailboxes;
  private Browser browser;

  EmailRecordsUiIT(SyncPostServer server) {
    this.server = server;
    this.mailboxes = new DovecotMailboxes(server.admin(), servers, false);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /**
   * An HTML email whose script, event handler and remote image would each ask {@code remote} for a
   * path of its own (and write into the page) if they were let through; with a text attachment.
   */
  private static byte[] hostileHtmlEmail(String subject, String messageId, RequestCounter remote) {
    String html =
        "<html><head><script>document.title='script ran'</script></head><body>"
            + "<h2 style=\"color:#0b3d5c\">Quarterly report</h2><p>Numbers are <b>up</b>.</p>"
            + "<script>document.body.insertAdjacentHTML('beforeend','<p>script ran</p>');"
            + "new Image().src='"
            + remote.url("/script")
            + "';</script>"
            + "<img src=\"cid:nothing-here\" onerror=\"document.body.insertAdjacentHTML('beforeend',"
            + "'<p>handler ran</p>');new Image().src='"
            + remote.url("/handler")
            + "'\">"
            + "<p><img src=\""
            + remote.url("/pixel.png")
            + "\" alt=\"tracking pixel\" width=\"40\" height=\"40\"></p>"
            + "</body></html>";
    String message =
        "From: Reporting <reports@example.org>\r\n"
            + "To: someone@syncpost.test\r\n"
            + "Subject: "
            + subject
            + "\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\n"
            + "Message-ID: "
            + messageId
            + "\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            + "--outer\r\n"
            + "Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
            + "--inner\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Quarterly report. Numbers are up.\r\n"
            + "--inner\r\n"
            + "Content-Type: text/html; charset=us-ascii\r\n\r\n"
            + html
            + "\r\n--inner--\r\n"
            + "--outer\r\n"
            + "Content-Type: text/plain; charset=us-ascii; name=\"figures.txt\"\r\n"
            + "Content-Disposition: attachment; filename=\"figures.txt\"\r\n\r\n"
            + "revenue 42\r\n"
            + "--outer--\r\n";
    return message.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] reply(String subject, String inReplyTo) {
    return ("From: Someone <someone@syncpost.test>\r\n"
            + "To: reports@example.org\r\n"
            + "Subject: Re: "
            + subject
            + "\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <"
            + UUID.randomUUID()
            + "@syncpost.test>\r\n"
            + "In-Reply-To: "
            + inReplyTo
            + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Thanks.\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private Browser adminBrowser() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    return browser;
  }

  @Test
  void aHostileHtmlEmailRunsNothingAndLoadsNoRemoteImageUntilAsked() {
    try (RequestCounter remote = RequestCounter.start()) {
      Owner owner = mailboxes.enabledForIncoming();
      String subject = ProfilesUiIT.unique("Quarterly report");
      String messageId = "<" + UUID.randomUUID() + "@example.org>";
      servers.dovecot().deliver(owner.user().name(), hostileHtmlEmail(subject, messageId, remote));
      servers.dovecot().deliver(owner.user().name(), reply(subject, messageId));
      mailboxes.syncUntilDone(owner);

      adminBrowser().open("admin/email/emails.xhtml?mailbox=" + owner.mailboxId());
      browser.awaitText(By.id("records:mailboxName"), owner.user().name());
      browser.type(By.id("records:subject"), subject);
      browser.click(By.id("records:search"));
      browser.awaitText(By.id("records:table_data"), "Re: " + subject);
      assertThat(browser.driver().findElements(By.cssSelector("#records\\:table_data tr")))
          .hasSize(2);
      browser.screenshot("emails");
      browser.type(By.id("records:sender"), "REPORTS@example");
      browser.click(By.id("records:search"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> d.findElements(By.cssSelector("#records\\:table_data tr")).size() == 1);

      browser.click(By.linkText(subject));
      browser.awaitText(By.id("email:subject"), subject);
      browser.awaitText(By.id("email:conversation"), "Re: " + subject);
      browser.awaitText(By.id("email:attachments"), "figures.txt");
      // a received email was never delivered by SyncPost: no "Delivery: 0 attempts"
      assertThat(browser.find(By.id("email")).getText()).doesNotContain("attempts");
      assertThat(browser.find(By.id("email:remoteImagesNote")).getText())
          .startsWith("An image from other servers is not shown");

      assertThat(htmlBodyText()).contains("Numbers are up.").doesNotContain("ran");
      assertThat(browser.find(By.id("htmlBody")).getDomAttribute("sandbox"))
          .doesNotContain("allow-scripts")
          .doesNotContain("allow-same-origin");
      assertThat(remote.total()).as("requests that reached the remote server").isZero();
      browser.screenshot("email");

      browser.click(By.id("email:showRemoteImages"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
          .until(d -> remote.count("/pixel.png") > 0);
      assertThat(htmlBodyText()).doesNotContain("ran");
      assertThat(List.of(remote.count("/script"), remote.count("/handler"))).containsExactly(0, 0);
    }
  }

  /** A 2 x 1 PNG, red and blue. */
  private static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==";

  /** An HTML email showing a logo it carries as a related part (RFC 2387, RFC 2392). */
  private static byte[] htmlWithInlineLogo(String subject) {
    return ("From: Marketing <news@example.org>\r\n"
            + "To: someone@syncpost.test\r\n"
            + "Subject: "
            + subject
            + "\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\n"
            + "Message-ID: <"
            + UUID.randomUUID()
            + "@example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/related; boundary=\"rel\"; type=\"text/html\"\r\n\r\n"
            + "--rel\r\n"
            + "Content-Type: text/html; charset=us-ascii\r\n\r\n"
            + "<html><body><p>Our logo:</p>"
            + "<img src=\"cid:logo.part1@example.org\" alt=\"Logo\"></body></html>\r\n"
            + "--rel\r\n"
            + "Content-Type: image/png; name=\"logo.png\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-ID: <logo.part1@example.org>\r\n"
            + "Content-Disposition: inline; filename=\"logo.png\"\r\n\r\n"
            + PNG_BASE64
            + "\r\n--rel--\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void anInlineCidImageOfAReceivedHtmlEmailIsShownInTheSandboxedBody() {
    Owner owner = mailboxes.enabledForIncoming();
    String subject = ProfilesUiIT.unique("logo");
    servers.dovecot().deliver(owner.user().name(), htmlWithInlineLogo(subject));
    mailboxes.syncUntilDone(owner);

    adminBrowser().open("admin/email/emails.xhtml?mailbox=" + owner.mailboxId());
    browser.click(By.linkText(subject));
    browser.awaitText(By.id("email:subject"), subject);
    browser.driver().switchTo().frame(browser.find(By.id("htmlBody")));
    try {
      // the sanitiser keeps no ids: the body's one image
      String source =
          new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
              .until(
                  d ->
                      (String)
                          ((JavascriptExecutor) d)
                              .executeScript(
                                  "var img = document.images[0];"
                                      + " return img && img.complete ? img.src : null;"));
      assertThat(source).startsWith("data:image/png;base64,");
      Object width =
          ((JavascriptExecutor) browser.driver())
              .executeScript("return document.images[0].naturalWidth;");
      assertThat(width).isEqualTo(2L);
    } finally {
      browser.driver().switchTo().defaultContent();
    }
    assertThat(browser.find(By.id("htmlBody")).getDomAttribute("sandbox"))
        .doesNotContain("allow-scripts")
        .doesNotContain("allow-same-origin");
  }

  @Test
  void anAttachmentDownloadsWithItsContent() {
    Owner owner = mailboxes.enabledForIncoming();
    String subject = ProfilesUiIT.unique("figures");
    try (RequestCounter remote = RequestCounter.start()) {
      servers
          .dovecot()
          .deliver(
              owner.user().name(),
              hostileHtmlEmail(subject, "<" + UUID.randomUUID() + "@example.org>", remote));
    }
    mailboxes.syncUntilDone(owner);

    adminBrowser().open("admin/email/emails.xhtml?mailbox=" + owner.mailboxId());
    browser.click(By.linkText(subject));
    String href = browser.find(By.linkText("figures.txt")).getDomAttribute("href");
    Object downloaded =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' '"
                    + " + r.headers.get('Content-Disposition') + ' ' + t)));",
                href);

    assertThat(downloaded)
        .isEqualTo(
            "200 attachment; filename=\"figures.txt\"; filename*=UTF-8''figures.txt revenue 42");
  }

  @Test
  void aQuarantinedMessageIsListedWithItsReasonAndCanBeRetried() throws Exception {
    Owner owner = mailboxes.enabledForIncoming();
    servers
        .dovecot()
        .deliver(
            owner.user().name(),
            Files.readAllBytes(Path.of("../ejb/src/test/resources/eml/nested-150-deep.eml")));
    mailboxes.syncUntilDone(owner);

    adminBrowser().open("admin/incoming/quarantine.xhtml?mailbox=" + owner.mailboxId());
    browser.awaitText(By.id("quarantine:table_data"), "nests its parts more than 100 levels deep");
    browser.screenshot("quarantine");
    browser.click(By.cssSelector("#quarantine\\:table_data button[id$=':retry']"));

    browser.awaitText(By.id("quarantine:messages"), "still cannot be read");
    assertThat(
            browser.find(By.cssSelector("#quarantine\\:table_data tr td:nth-child(6)")).getText())
        .isEqualTo("1");
  }

  /** Three emails received now by a new mailbox, whose owner may sign in. */
  private Owner ownerWithThreeNewEmails() {
    Owner receiving = mailboxes.enabledForIncoming();
    for (int i = 0; i < 3; i++) {
      servers
          .dovecot()
          .deliver(
              receiving.user().name(),
              reply(ProfilesUiIT.unique("counted"), "<" + UUID.randomUUID() + "@example.org>"));
    }
    mailboxes.syncUntilDone(receiving);
    return receiving;
  }

  /** Emails received in this hour and the one before (in case the hour turned meanwhile). */
  private long receivedLastTwoHours() {
    Object received =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "var received = PrimeFaces.getWidgetById('dashboard:traffic').chart.data"
                    + ".datasets[0].data;"
                    + " return received[received.length - 1] + received[received.length - 2];");
    return ((Number) received).longValue();
  }

  @Test
  void theDashboardChartsTheHourlyEmailsAndListsAFailingMailbox() {
    ownerWithThreeNewEmails();
    Owner failing = mailboxes.failedItsTest();

    adminBrowser().open("admin/index.xhtml");

    assertThat(receivedLastTwoHours()).isGreaterThanOrEqualTo(3);
    assertThat(Long.parseLong(browser.find(By.id("dashboard:incomingFailure")).getText()))
        .isPositive();
    browser.awaitText(By.id("dashboard:failing"), failing.user().name());
    browser.screenshot("dashboard");
  }

  @Test
  void aMailboxOwnersDashboardCountsOnlyTheirOwnMailboxAndEmails() {
    Owner owner = ownerWithThreeNewEmails();
    ownerBrowser(owner);
    browser.open("admin/index.xhtml");

    assertThat(
            List.of(
                browser.find(By.id("dashboard:mailboxCount")).getText(),
                String.valueOf(receivedLastTwoHours())))
        .containsExactly("1", "3");
  }

  /**
   * Issue 13's stranger: an owner who has mail with someone else's Message-ID delivered to himself
   * gets a record of his own, and the other mailbox's record stays closed to him on its page, in
   * its HTML body, in its attachment download and in the list.
   */
  @Test
  void aStrangerReusingAMessageIdSeesHisOwnRecordAndNothingOfTheOtherMailboxsRecord() {
    String secret = ProfilesUiIT.unique("victim-secret-figures");
    Owner victim = mailboxes.enabledForIncoming();
    Owner stranger = mailboxes.enabledForIncoming();
    String messageId = "<" + UUID.randomUUID() + "@victim.test>";
    servers.dovecot().deliver(victim.user().name(), withAttachment(secret, messageId));
    mailboxes.syncUntilDone(victim);
    servers.dovecot().deliver(stranger.user().name(), withAttachment("give me", messageId));
    mailboxes.syncUntilDone(stranger);
    long victims = onlyRecordOf(victim);
    ownerBrowser(stranger).open("admin/email/email.xhtml?id=" + onlyRecordOf(stranger));
    assertThat(browser.find(By.id("email:subject")).getText()).isEqualTo("give me");

    browser.open("admin/email/email.xhtml?id=" + victims);
    String recordPage = browser.driver().getPageSource();
    browser.open("admin/email/html?id=" + victims);
    String htmlBody = browser.driver().getPageSource();
    browser.open("admin/email/attachment?id=" + victims + "&n=0");
    String attachment = browser.driver().getPageSource();
    browser.open("admin/email/emails.xhtml");
    String list = browser.driver().getPageSource();

    assertThat(List.of(recordPage, htmlBody, attachment, list)).noneMatch(p -> p.contains(secret));
    assertThat(recordPage).contains("belongs to another mailbox");
    assertThat(list).contains("give me");
  }

  /** A message whose subject stands again in its HTML body and in its one attachment. */
  private static byte[] withAttachment(String subject, String messageId) {
    return ("From: Sender <sender@example.org>\r\nTo: someone@syncpost.test\r\nSubject: "
            + subject
            + "\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\nMessage-ID: "
            + messageId
            + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n<p>"
            + subject
            + "</p>\r\n--b\r\nContent-Type: text/plain; charset=us-ascii; name=\"figures.txt\"\r\n"
            + "Content-Disposition: attachment; filename=\"figures.txt\"\r\n\r\n"
            + subject
            + "\r\n--b--\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private long onlyRecordOf(Owner owner) {
    List<JsonValue> records =
        server.admin().get("emails?mailboxId=" + owner.mailboxId() + "&limit=10").array();
    assertThat(records).hasSize(1);
    return records.get(0).asJsonObject().getJsonNumber("id").longValue();
  }

  /** A browser signed in as the owner of {@code owner}'s mailbox, given a password and the role. */
  private Browser ownerBrowser(Owner owner) {
    long userId =
        server
            .admin()
            .get("mailboxes/" + owner.mailboxId())
            .json()
            .getJsonNumber("ownerId")
            .longValue();
    String password = "owner-" + UUID.randomUUID();
    Reply changed =
        server
            .admin()
            .patch(
                "users/" + userId,
                Json.createObjectBuilder()
                    .add("password", password)
                    .add("roles", Json.createArrayBuilder().add("mailbox-owner"))
                    .build()
                    .toString());
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    browser = new Browser(server.httpsBase());
    browser.signIn(owner.user().name(), password);
    return browser;
  }

  /** The text of the sandboxed frame that shows the HTML body, once it has loaded. */
  private String htmlBodyText() {
    browser.driver().switchTo().frame(browser.find(By.id("htmlBody")));
    try {
      return browser.find(By.tagName("body")).getText();
    } finally {
      browser.driver().switchTo().defaultContent();
    }
  }
}
