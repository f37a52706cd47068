package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;
import org.syncpost.system.WebhookReceiver;
import org.syncpost.system.WebhookReceiver.Delivery;
import org.syncpost.testing.Eventually;

/**
 * Webhook subscriptions in the admin UI: made in the browser, they deliver to a real receiver on
 * loopback; their secret never reaches the browser again; the dialog keeps its errors; pause,
 * resume and delete act on the same facade as the REST API.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(240)
class WebhooksUiIT {

  private static final String PAGE = "admin/webhook/webhooks.xhtml";

  private final SyncPostServer server;
  private Browser browser;

  WebhooksUiIT(SyncPostServer server) {
    this.server = server;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private Browser adminOnThePage() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.click(By.id("nav:webhooks"));
    browser.find(By.id("webhooks:newSubscription"));
    return browser;
  }

  private static By eventCheckbox(String label) {
    return By.xpath(
        "//*[@id='webhooks:subscription:events']//label[normalize-space()='" + label + "']");
  }

  private static By messageNextTo(String inputId) {
    return By.xpath(
        "//*[@id='" + inputId + "']/following-sibling::*[contains(@class,'ui-message-error')]");
  }

  private static By rowOf(String url) {
    return By.xpath("//*[@id='webhooks:table_data']/tr[.//*[normalize-space()='" + url + "']]");
  }

  private void create(Browser admin, String url, String secret, String... eventLabels) {
    admin.click(By.id("webhooks:newSubscription"));
    admin.type(By.id("webhooks:subscription:url"), url);
    admin.type(By.id("webhooks:subscription:secret"), secret);
    for (String label : eventLabels) {
      admin.click(eventCheckbox(label));
    }
    admin.click(By.id("webhooks:save"));
  }

  @Test
  void aSubscriptionMadeInTheBrowserReceivesTheNextEventSignedAndShowsItInTheLog()
      throws Exception {
    String secret = "ui-secret-" + UUID.randomUUID();
    try (WebhookReceiver receiver = WebhookReceiver.answering200(secret)) {
      Browser admin = adminOnThePage();
      create(admin, receiver.url(), secret, "Job finished");
      admin.awaitText(By.id("webhooks:messages"), "created");
      assertThat(admin.driver().getPageSource()).doesNotContain(secret);

      long job = finishedJob(server.admin());
      List<Delivery> got =
          Eventually.within(
              Duration.ofSeconds(120),
              "job.finished of job " + job + " at the receiver",
              receiver::deliveries,
              seen -> seen.stream().anyMatch(d -> isAboutJob(d, job)));

      Delivery delivery = got.stream().filter(d -> isAboutJob(d, job)).findFirst().orElseThrow();
      assertThat(delivery.signatureValid()).isTrue();
      // the log is written once the receiver has answered: the page shows it after that commit
      long id = subscriptionAt(receiver.url()).getJsonNumber("id").longValue();
      Eventually.within(
          Duration.ofSeconds(60),
          "the delivery of job " + job + " logged",
          () -> server.admin().get("webhooks/" + id + "/deliveries").body(),
          log -> log.contains(delivery.eventId()));
      admin.open(PAGE);
      admin.awaitText(rowOf(receiver.url()), "Delivered");
      admin.click(
          By.xpath(
              "//*[@id='webhooks:table_data']/tr[.//*[normalize-space()='"
                  + receiver.url()
                  + "']]//button[contains(@id,'showLog')]"));
      admin.awaitText(By.id("webhooks:deliveries"), delivery.eventId());
      assertThat(admin.find(By.id("webhooks:deliveries")).getText()).contains("job.finished");
      admin.screenshot("webhooks");
      assertThat(admin.driver().getPageSource()).doesNotContain(secret);
    }
  }

  @Test
  void aSubscriptionWithABadUrlAShortSecretAndNoEventsStaysInTheDialogWithEachProblemByItsField() {
    Browser admin = adminOnThePage();
    create(admin, "ftp://example.org/hook", "short");

    assertThat(admin.find(messageNextTo("webhooks:subscription:url")).getText())
        .contains("http or https");
    assertThat(admin.find(messageNextTo("webhooks:subscription:secret")).getText())
        .contains("at least 16 characters");
    assertThat(admin.find(messageNextTo("webhooks:subscription:events")).getText())
        .contains("at least one event type");
    assertThat(admin.find(By.id("webhooks:subscription:url")).getDomProperty("value"))
        .as("what was typed stays")
        .isEqualTo("ftp://example.org/hook");
    assertThat(admin.present(By.id("webhooks:messages")).getText()).isEmpty();
  }

  @Test
  void anEditKeepsTheSecretAndPauseResumeAndDeleteActOnTheSubscription() {
    String secret = "kept-secret-" + UUID.randomUUID();
    String url = "http://127.0.0.1:9/hook-" + UUID.randomUUID().toString().substring(0, 8);
    Browser admin = adminOnThePage();
    create(admin, url, secret, "Email sent", "Email failed");
    admin.awaitText(rowOf(url), "Active");
    long id = subscriptionAt(url).getJsonNumber("id").longValue();

    admin.click(By.xpath(rowXpath(url) + "//button[contains(@id,'edit')]"));
    admin.click(eventCheckbox("Email failed"));
    admin.click(By.id("webhooks:save"));
    admin.awaitText(By.id("webhooks:messages"), "saved");
    assertThat(
            subscriptionAt(url).getJsonArray("events").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactly("email.sent");
    assertThat(admin.driver().getPageSource()).doesNotContain(secret);

    admin.click(By.xpath(rowXpath(url) + "//button[contains(@id,'pause')]"));
    admin.awaitText(rowOf(url), "Paused");
    assertThat(subscriptionAt(url).getString("status")).isEqualTo("PAUSED");
    admin.click(By.xpath(rowXpath(url) + "//button[contains(@id,'resume')]"));
    admin.awaitText(rowOf(url), "Active");
    assertThat(subscriptionAt(url).getString("status")).isEqualTo("ACTIVE");

    admin.click(By.xpath(rowXpath(url) + "//button[contains(@id,'delete')]"));
    admin.click(By.id("webhooks:confirmYes"));
    admin.awaitText(By.id("webhooks:messages"), "deleted");
    assertThat(admin.driver().findElements(rowOf(url))).isEmpty();
    assertThat(server.admin().get("webhooks/" + id).status()).isEqualTo(404);
  }

  @Test
  void aSubscriptionIsMadeWithTheKeyboardAlone() {
    String url = "http://127.0.0.1:9/keys-" + UUID.randomUUID().toString().substring(0, 8);
    Browser admin = adminOnThePage();
    ((JavascriptExecutor) admin.driver())
        .executeScript("arguments[0].focus()", admin.find(By.id("webhooks:newSubscription")));
    press(admin, Keys.ENTER);
    admin.find(By.id("webhooks:subscription:url"));

    tabUntil(admin, "webhooks:subscription:url");
    press(admin, url);
    tabUntil(admin, "webhooks:subscription:secret");
    press(admin, "keyboard-secret-" + UUID.randomUUID());
    tabUntil(admin, "webhooks:subscription:events:6");
    press(admin, Keys.SPACE);
    tabUntil(admin, "webhooks:save");
    press(admin, Keys.ENTER);

    admin.awaitText(By.id("webhooks:messages"), "created");
    JsonObject made = subscriptionAt(url);
    assertThat(made.getJsonArray("events").getString(0)).isEqualTo("job.finished");
    server.admin().delete("webhooks/" + made.getJsonNumber("id").longValue());
  }

  private static void press(Browser browser, CharSequence keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
    browser.awaitQuiet();
  }

  /** Presses Tab until the element with {@code id} has the focus; fails after 40 presses. */
  private static void tabUntil(Browser browser, String id) {
    for (int i = 0; i < 40; i++) {
      Object focused =
          ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id");
      if (id.equals(focused)) {
        return;
      }
      press(browser, Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + id);
  }

  @Test
  void anApproverSeesNoWebhooksMenuAndIsRefusedThePage() {
    String approver = ProfilesUiIT.unique("ui-approver");
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
    assertThat(browser.driver().findElements(By.id("nav:webhooks"))).isEmpty();

    browser.open(PAGE);
    assertThat(browser.driver().findElements(By.id("webhooks:newSubscription"))).isEmpty();
  }

  private static String rowXpath(String url) {
    return "//*[@id='webhooks:table_data']/tr[.//*[normalize-space()='" + url + "']]";
  }

  private JsonObject subscriptionAt(String url) {
    return server.admin().get("webhooks").array().stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(s -> s.getString("url").equals(url))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no subscription to " + url));
  }

  private static boolean isAboutJob(Delivery delivery, long job) {
    JsonObject data = delivery.event().getJsonObject("data");
    return data.containsKey("jobId") && data.getJsonNumber("jobId").longValue() == job;
  }

  /** A test &amp; enable job of a new user's unconfigured mailbox, waited for until it finished. */
  private static long finishedJob(Api admin) {
    String name = ProfilesUiIT.unique("ui-hook");
    Reply user =
        admin.post(
            "users",
            String.format(
                "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"mailbox-owner\"]}",
                name, name));
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    long mailbox = user.json().getJsonNumber("mailboxId").longValue();
    Reply job = admin.post("mailboxes/test-and-enable", "{\"mailboxIds\": [" + mailbox + "]}");
    assertThat(job.status()).as(job.toString()).isBetween(200, 202);
    long jobId = job.json().getJsonNumber("id").longValue();
    Eventually.within(
        Duration.ofSeconds(60),
        "job " + jobId + " finished",
        () -> admin.get("jobs/" + jobId).json().getString("status"),
        status -> !status.equals("RUNNING") && !status.equals("QUEUED"));
    return jobId;
  }
}
