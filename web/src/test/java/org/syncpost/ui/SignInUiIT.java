package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.SignInUsers;
import org.syncpost.system.SyncPostServer;

/**
 * The sign-in form is throttled like HTTP Basic, lets no user without a role in, and the users page
 * refuses weak passwords saying what to choose instead.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class SignInUiIT {

  private static final String PASSWORD = "sign-in-ui-password-1";

  private final SyncPostServer server;
  private Browser browser;

  SignInUiIT(SyncPostServer server) {
    this.server = server;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void fiveWrongPasswordsInTheFormLockTheUserNameAndTheFormSaysForHowLong() {
    String name = ProfilesUiIT.unique("ui-guessed");
    SignInUsers.create(server.admin(), name, PASSWORD, "mailbox-owner");
    browser = new Browser(server.httpsBase());

    for (int guess = 1; guess <= 5; guess++) {
      browser.signIn(name, "wrong-guess-" + guess);
      assertThat(browser.find(By.id("login:messages")).getText()).contains("not right");
    }
    browser.signIn(name, PASSWORD);

    assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
    assertThat(browser.find(By.id("login:messages")).getText())
        .contains("Too many failed sign-ins")
        .contains("minute");
  }

  @Test
  void aUserWithoutAnyRoleIsNotSignedInAndTheFormSaysToAskAnAdministratorForOne() {
    String name = ProfilesUiIT.unique("ui-roleless");
    SignInUsers.create(server.admin(), name, PASSWORD);
    browser = new Browser(server.httpsBase());

    browser.signIn(name, PASSWORD);

    assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
    assertThat(browser.find(By.id("login:messages")).getText())
        .contains("has no role")
        .contains("ask an administrator");
    browser.open("admin/index.xhtml");
    assertThat(browser.driver().getCurrentUrl()).as("still not signed in").contains("login.xhtml");
  }

  @Test
  void aWeakPasswordForANewUserIsRefusedWithWhatToChooseInstead() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/directory/directory.xhtml");
    String name = ProfilesUiIT.unique("ui-weak");
    browser.click(By.id("directory:tabs:newUser"));
    browser.type(By.id("directory:name"), name);
    browser.type(By.id("directory:email"), name + "@example.org");
    browser.type(By.id("directory:password"), "password");
    browser.click(By.id("directory:createUser"));

    // the message is rendered next to the field (in the dialog, which the form's update closes)
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(d -> d.getPageSource().contains("at least 12 characters"));
    assertThat(server.admin().get("users?limit=1000").body()).doesNotContain(name);
  }
}
