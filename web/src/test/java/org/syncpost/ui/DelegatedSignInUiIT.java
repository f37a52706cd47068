package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.OAuthMailServers;
import org.syncpost.testing.mail.ServerCertificate;
import org.syncpost.testing.oauth.RevocableConsent;

/**
 * Delegated OAuth 2.0 end to end (issue 15): a mailbox's owner presses "Connect with …" on the
 * mailbox page, signs in on mock-oauth2-server's own sign-in page in Chromium, comes back through
 * the real redirects connected; the mailbox then receives (IMAP) and sends (SMTP through Postfix)
 * with access tokens that Dovecot checks by introspection against that server. The tokens live 10
 * seconds, less than SyncPost keeps one: one expires during the test and the next cycle refreshes
 * without failing. The owner then withdraws the consent (the refresh is answered {@code
 * invalid_grant}): incoming is disabled and the owner's alert links to the mailbox page to connect
 * again. No code, access or refresh token is in the log, the data directory, the REST answers or
 * the audit entries.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(300)
class DelegatedSignInUiIT {

  private static final String ISSUER = "syncpost-delegated";
  private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(10);

  @RegisterExtension
  static final OAuthMailServers servers =
      OAuthMailServers.withDovecotAndPostfix(ISSUER).withSignInPage();

  private final SyncPostServer server;
  private final Api admin;
  private Browser browser;

  DelegatedSignInUiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theOwnerConnectsTheMailboxWhichReceivesAndSendsUntilTheConsentIsWithdrawn()
      throws Exception {
    String suffix = Long.toString(System.nanoTime(), 36);
    MailUser mail = servers.dovecot().addUser("deleg" + suffix, "password-never-used-" + suffix);
    MailUser correspondent =
        servers.dovecot().addUser("corr" + suffix, "password-never-used-" + suffix);
    servers
        .dovecot()
        .deliver(
            mail.name(),
            Messages.plainText(correspondent.address(), mail.address(), "before " + suffix, "hi"));
    long profileId = delegatedProfile("ui-delegated-" + suffix);
    String owner = "owner" + suffix;
    String ownerPassword = "Owner-password-" + suffix + "-long";
    long mailboxId = ownedMailbox(owner, ownerPassword, mail.address(), profileId);
    RevocableConsent consent = new RevocableConsent(ISSUER, mail.address(), TOKEN_LIFETIME);

    // the owner connects the mailbox on its page, signing in at the provider
    browser = new Browser(server.httpsBase());
    browser.signIn(owner, ownerPassword);
    browser.open("admin/mailbox/mailbox.xhtml?id=" + mailboxId);
    browser.awaitText(By.id("delegatedStatus"), "Not connected");
    browser.screenshot("mailbox-connect");
    servers.authorizationServer().enqueueCallback(consent);
    browser.click(By.id("mailbox:connect"));
    browser.type(By.name("username"), mail.address());
    browser.click(By.cssSelector("input[type=submit]"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(d -> d.getCurrentUrl().contains("/admin/mailbox/mailbox.xhtml?id=" + mailboxId));
    browser.awaitText(By.id("mailbox:messages"), "Connected by " + owner);
    assertThat(browser.find(By.id("delegatedStatus")).getText())
        .startsWith("Connected by " + owner);
    browser.screenshot("mailbox-connected");

    JsonObject connected = admin.get("mailboxes/" + mailboxId + "/oauth").json();
    assertThat(connected.getString("state")).isEqualTo("CONNECTED");
    assertThat(connected.getString("redirectUri")).endsWith("/admin/oauth/callback");
    JsonObject mailbox = admin.get("mailboxes/" + mailboxId).json();
    assertThat(mailbox.getBoolean("enabledForIncoming")).as(mailbox.toString()).isTrue();
    assertThat(mailbox.getBoolean("enabledForOutgoing")).as(mailbox.toString()).isTrue();

    // it receives and sends with tokens only
    assertThat(sync(mailboxId).getString("status")).isEqualTo("SUCCEEDED");
    assertThat(subjectsReceivedBy(mailboxId)).contains("before " + suffix);
    long sent = send(mailboxId, correspondent.address(), "from " + suffix);
    Eventually.lastWithin(
        Duration.ofSeconds(90),
        () -> admin.get("emails/" + sent).json(),
        email -> "SENT".equals(email.getString("status")));
    assertThat(
            servers
                .dovecot()
                .awaitMessageCount(correspondent.name(), "INBOX", 1, Duration.ofSeconds(30)))
        .isEqualTo(1);
    assertThat(Files.readString(servers.postfix().log(), StandardCharsets.UTF_8))
        .contains("sasl_method=XOAUTH2, sasl_username=" + mail.name());

    // a token expires; the next cycle gets another by the (rotated) refresh token and succeeds
    Instant refreshed =
        Instant.parse(
            admin.get("mailboxes/" + mailboxId + "/oauth").json().getString("refreshedOn"));
    Eventually.within(
        TOKEN_LIFETIME.plusSeconds(30),
        "the last access token expired",
        () -> Instant.now().isAfter(refreshed.plus(TOKEN_LIFETIME).plusSeconds(1)));
    servers
        .dovecot()
        .deliver(
            mail.name(),
            Messages.plainText(correspondent.address(), mail.address(), "after " + suffix, "hi"));
    JsonObject afterExpiry = sync(mailboxId);
    assertThat(afterExpiry.getString("status")).as(afterExpiry.toString()).isEqualTo("SUCCEEDED");
    assertThat(subjectsReceivedBy(mailboxId)).contains("after " + suffix);
    assertThat(
            Instant.parse(
                admin.get("mailboxes/" + mailboxId + "/oauth").json().getString("refreshedOn")))
        .isAfter(refreshed);
    assertThat(alertCodes(mailboxId)).noneMatch(code -> code.startsWith("incoming-"));

    // the owner withdraws the consent: the refresh is refused, incoming is disabled, the owner's
    // alert says to connect again and links to the mailbox page
    consent.revoke();
    JsonObject refused = sync(mailboxId);
    assertThat(refused.getString("status")).as(refused.toString()).isEqualTo("DISABLED");
    assertThat(refused.getString("errorCode")).isEqualTo("incoming-connect-again");
    assertThat(admin.get("mailboxes/" + mailboxId + "/oauth").json().getString("state"))
        .isEqualTo("CONNECT_AGAIN");
    browser.open("admin/alert/alerts.xhtml?mailbox=" + mailboxId);
    browser.awaitText(By.id("alerts:wall"), "Connect the mailbox again");
    assertThat(browser.find(By.id("alerts:wall")).getText())
        .contains("SyncPost may no longer sign in")
        .contains("Connect with");
    assertThat(
            browser
                .find(By.cssSelector("#alerts\\:wall a[id$=':connectAgain']"))
                .getAttribute("href"))
        .endsWith("/admin/mailbox/mailbox.xhtml?id=" + mailboxId);
    browser.screenshot("alert-connect-again");
    browser.click(By.cssSelector("#alerts\\:wall a[id$=':connectAgain']"));
    browser.awaitText(By.id("delegatedStatus"), "Connect again");

    assertNoSecretIsShown(mailboxId);
  }

  @Test
  void aDeclinedConsentAndAStrangeStateEndOnTheMailboxPageSayingWhatToDo() throws Exception {
    String suffix = Long.toString(System.nanoTime(), 36);
    MailUser mail = servers.dovecot().addUser("declin" + suffix, "password-never-used-" + suffix);
    long profileId = delegatedProfile("ui-declined-" + suffix);
    String owner = "decliner" + suffix;
    String ownerPassword = "Owner-password-" + suffix + "-long";
    long mailboxId = ownedMailbox(owner, ownerPassword, mail.address(), profileId);
    browser = new Browser(server.httpsBase());
    browser.signIn(owner, ownerPassword);
    browser.open("admin/mailbox/mailbox.xhtml?id=" + mailboxId);
    browser.click(By.id("mailbox:connect"));
    browser.present(By.name("username"));
    String state = HttpUrl.get(browser.driver().getCurrentUrl()).queryParameter("state");

    // the person declines at the provider, which says so on the way back (RFC 6749 §4.1.2.1)
    browser.open(
        "admin/oauth/callback?error=access_denied&error_description=the+user+declined&state="
            + state);
    browser.awaitText(By.id("mailbox:messages"), "declined to let SyncPost access the mailbox");
    assertThat(browser.find(By.id("delegatedStatus")).getText()).startsWith("Not connected");

    // the same state again, or one this session never began, is not taken
    browser.open("admin/oauth/callback?code=stolen-code&state=" + state);
    browser.awaitText(By.id("mailbox:messages"), "Press 'Connect with …' again");
    assertThat(admin.get("mailboxes/" + mailboxId + "/oauth").json().getString("state"))
        .isEqualTo("NOT_CONNECTED");
  }

  /** Every code and token that crossed the wire, read off the authorization server's requests. */
  private static Set<String> secretsSeenByTheAuthorizationServer() throws InterruptedException {
    Set<String> secrets = new LinkedHashSet<>();
    for (RecordedRequest request = nextRequest(); request != null; request = nextRequest()) {
      String body = request.getBody().readUtf8();
      String query = request.getRequestUrl() == null ? null : request.getRequestUrl().query();
      for (String form : new String[] {body, query}) {
        if (form == null) {
          continue;
        }
        for (String pair : form.split("&")) {
          String[] parts = pair.split("=", 2);
          if (parts.length == 2
              && Set.of("code", "refresh_token", "token", "code_verifier").contains(parts[0])) {
            secrets.add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
          }
        }
      }
    }
    return secrets;
  }

  /** The next request the authorization server took, or null once all have been read. */
  private static RecordedRequest nextRequest() throws InterruptedException {
    try {
      return servers.authorizationServer().takeRequest(200, TimeUnit.MILLISECONDS);
    } catch (RuntimeException noneLeft) {
      // mock-oauth2-server says "no request found in queue" instead of answering null
      return null;
    }
  }

  private void assertNoSecretIsShown(long mailboxId) throws Exception {
    Set<String> secrets = secretsSeenByTheAuthorizationServer();
    assertThat(secrets)
        .as("codes and tokens sent to the authorization server")
        .hasSizeGreaterThan(3);
    List<String> shown = new ArrayList<>();
    shown.add(admin.get("mailboxes/" + mailboxId).body());
    shown.add(admin.get("mailboxes/" + mailboxId + "/oauth").body());
    shown.add(admin.get("alerts?mailboxId=" + mailboxId).body());
    shown.add(admin.get("audit").body());
    try (Stream<Path> files = Files.walk(server.dataDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        shown.add(read(file));
      }
    }
    for (String secret : secrets) {
      assertThat(shown).noneMatch(text -> text.contains(secret));
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException gone) {
      return "";
    }
  }

  private long delegatedProfile(String name) {
    Reply created =
        admin.post(
            "profiles",
            Json.createObjectBuilder()
                .add("name", name)
                .add("serverType", "IMAP_SMTP")
                .add(
                    "incomingServer",
                    ServerCertificate.VALID.address() + ":" + servers.dovecot().imapsPort())
                .add(
                    "outgoingServer",
                    ServerCertificate.VALID.address() + ":" + servers.postfix().smtpsPort())
                .add("incomingCredentialSource", "OAUTH2")
                .add("connectionTimeoutSeconds", 10)
                .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                .add("processEmailFrom", "2020-01-01T00:00:00Z")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    Reply configured =
        admin.put(
            "profiles/" + id + "/oauth",
            Json.createObjectBuilder()
                .add("grant", "AUTHORIZATION_CODE")
                .add("tokenEndpoint", servers.tokenEndpoint())
                .add("authorizationEndpoint", servers.authorizationEndpoint())
                .add("clientId", "syncpost-web")
                .add("clientSecret", "web-client-secret")
                // mock-oauth2-server answers OpenID Connect sign-ins only
                .add("scopes", "openid mail")
                .build()
                .toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    return id;
  }

  /** A mailbox owner who may sign in, whose mailbox is on the profile, approved, not connected. */
  private long ownedMailbox(String name, String password, String address, long profileId) {
    Reply user =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", name)
                .add("email", address)
                .add("roles", Json.createArrayBuilder().add("mailbox-owner"))
                .add("password", password)
                .build()
                .toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    long mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    Reply patched =
        admin.patch(
            "mailboxes/" + mailboxId,
            Json.createObjectBuilder()
                .add("profileId", profileId)
                .add("incomingDeliveryMethod", "SERVER_SIDE_SYNC")
                .add("outgoingDeliveryMethod", "SERVER_SIDE_SYNC")
                .build()
                .toString());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(admin.post("mailboxes/" + mailboxId + "/approve", "").status()).isEqualTo(200);
    return mailboxId;
  }

  /** One incoming cycle, run now; again while the scheduler's own cycle holds the mailbox. */
  private JsonObject sync(long mailboxId) {
    return Eventually.lastWithin(
        Duration.ofSeconds(60),
        () -> admin.post("mailboxes/" + mailboxId + "/sync", "").json(),
        outcome -> !"BUSY".equals(outcome.getString("status")));
  }

  private long send(long mailboxId, String to, String subject) {
    Reply created =
        admin.post(
            "emails",
            Json.createObjectBuilder()
                .add("senderMailboxId", mailboxId)
                .add("to", Json.createArrayBuilder().add(to))
                .add("subject", subject)
                .add("textBody", "Sent with a delegated token")
                .build()
                .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  private List<String> subjectsReceivedBy(long mailboxId) {
    return admin.get("emails?mailboxId=" + mailboxId + "&direction=INCOMING").array().stream()
        .map(JsonValue::asJsonObject)
        .map(email -> email.getString("subject", ""))
        .toList();
  }

  private List<String> alertCodes(long mailboxId) {
    return admin.get("alerts?mailboxId=" + mailboxId).array().stream()
        .map(JsonValue::asJsonObject)
        .map(alert -> alert.getString("code"))
        .toList();
  }
}
