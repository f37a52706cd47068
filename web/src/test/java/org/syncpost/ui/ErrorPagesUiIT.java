package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.syncpost.system.SyncPostServer;

/** Unexpected errors show a page in plain words, also during Ajax requests: never a stack trace. */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class ErrorPagesUiIT {

  private final SyncPostServer server;
  private Browser browser;

  ErrorPagesUiIT(SyncPostServer server) {
    this.server = server;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private void assertNoStackTrace() {
    assertThat(browser.driver().getPageSource())
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("at jakarta.");
  }

  @Test
  void anAjaxRequestThatFailsOnTheServerShowsTheErrorPageWithoutAStackTrace() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/alert/alerts.xhtml");
    // a view the server does not know: restoring it fails with ViewExpiredException
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                + ".forEach(function (input) { input.value = 'no-such-view'; });");

    browser.selectOne("alerts:level", "ERROR");

    browser.awaitText(By.id("unexpected"), "could not finish what you asked");
    assertNoStackTrace();
  }

  @Test
  void aMalformedAddressShowsTheErrorPageWithoutAStackTrace() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);

    browser.open("admin/email/html?id=not-a-number");

    browser.awaitText(By.id("unexpected"), "could not finish what you asked");
    assertNoStackTrace();
  }
}
