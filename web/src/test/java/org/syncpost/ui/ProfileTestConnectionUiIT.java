package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.syncpost.system.Api;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;

/**
 * "Test connection" on the profile form (issue 18): signs in to the incoming and outgoing server
 * with what the form holds — saved or not — and shows each step's result inline, against the
 * private Dovecot (the profile's outgoing server does not exist).
 */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class ProfileTestConnectionUiIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  private final SyncPostServer server;
  private final Api admin;
  private final DovecotMailboxes mailboxes;
  private Browser browser;

  ProfileTestConnectionUiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
    this.mailboxes = new DovecotMailboxes(admin, servers, false);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private long openProfileForm() {
    long profileId = mailboxes.profile(ProfilesUiIT.unique("ui-test-connection"));
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/profile/profile.xhtml?id=" + profileId);
    return profileId;
  }

  private void testWith(String username, String password) {
    browser.type(By.id("profile:testUsername"), username);
    browser.type(By.id("profile:testPassword"), password);
    browser.click(By.id("profile:testConnection"));
  }

  @Test
  void eachServerSaysInTheFormWhetherItsSignInPassed() {
    MailUser user = servers.dovecot().addUser(ProfilesUiIT.unique("uitest"), "right-password");
    openProfileForm();

    testWith(user.address(), "right-password");

    browser.awaitText(By.id("profile:incomingStep"), "Incoming: passed");
    assertThat(browser.find(By.id("profile:incomingStep")).getText())
        .contains("signed in and opened INBOX");
    assertThat(browser.find(By.id("profile:outgoingStep")).getText())
        .startsWith("Outgoing: failed")
        .contains("smtp.invalid");
    browser.screenshot("profile-test-connection");
  }

  @Test
  void aRefusedPasswordFailsTheIncomingStepWithWhatToDo() {
    MailUser user = servers.dovecot().addUser(ProfilesUiIT.unique("uitest"), "right-password");
    openProfileForm();

    testWith(user.address(), "wrong-password");

    browser.awaitText(By.id("profile:incomingStep"), "Incoming: failed");
    assertThat(browser.find(By.id("profile:incomingStep")).getText())
        .doesNotContain("wrong-password")
        .containsIgnoringCase("password");
  }

  @Test
  void theTestUsesTheFormAsTypedWithoutSavingIt() throws IOException {
    MailUser user = servers.dovecot().addUser(ProfilesUiIT.unique("uitest"), "right-password");
    long profileId = openProfileForm();
    String saved = admin.get("profiles/" + profileId).json().getString("incomingServer");
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    browser.type(By.id("profile:incomingPort"), String.valueOf(closedPort));

    testWith(user.address(), "right-password");

    browser.awaitText(By.id("profile:incomingStep"), "Incoming: failed");
    assertThat(browser.find(By.id("profile:incomingStep")).getText())
        .contains(String.valueOf(closedPort));
    assertThat(admin.get("profiles/" + profileId).json().getString("incomingServer"))
        .isEqualTo(saved);
  }
}
