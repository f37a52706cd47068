package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.SyncPostServer;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.OAuthMailServers;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * "Test connection" of an OAuth 2.0 profile whose client was set in the form (issue 15): a real
 * authorization server (mock-oauth2-server) issues the token by the JWT bearer grant, Dovecot's
 * oauth2 passdb checks it by introspection.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(240)
class OAuthTestConnectionUiIT {

  private static final String ISSUER = "syncpost-ui";

  @RegisterExtension static final OAuthMailServers servers = OAuthMailServers.withDovecot(ISSUER);

  private final SyncPostServer server;
  private Browser browser;

  OAuthTestConnectionUiIT(SyncPostServer server) {
    this.server = server;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private long oauthProfileOnDovecot() {
    Reply created =
        server
            .admin()
            .post(
                "profiles",
                Json.createObjectBuilder()
                    .add("name", ProfilesUiIT.unique("ui-oauth-dovecot"))
                    .add("serverType", "IMAP_SMTP")
                    .add(
                        "incomingServer",
                        ServerCertificate.VALID.address() + ":" + servers.dovecot().imapsPort())
                    .add("outgoingServer", "smtp.invalid:465")
                    .add("incomingCredentialSource", "OAUTH2")
                    .add("incomingAuthProtocol", "OAUTH2")
                    .add("useSameSettingsForOutgoing", true)
                    .add("connectionTimeoutSeconds", 5)
                    .add("trustedCertificatesPem", servers.certificates().caCertificatePem())
                    .build()
                    .toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  @Test
  void aMailboxSignsInWithATokenFromTheClientSetInTheForm() throws Exception {
    MailUser mailbox =
        servers.dovecot().addUser(ProfilesUiIT.unique("uioauth"), "password-not-used");
    long profileId = oauthProfileOnDovecot();
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/profile/profile.xhtml?id=" + profileId);
    browser.selectOne("profile:grant", "JWT_BEARER");
    browser.type(By.id("profile:tokenEndpoint"), servers.tokenEndpoint());
    browser.type(By.id("profile:clientId"), "syncpost@service-accounts.example");
    browser.type(By.id("profile:privateKey"), newPrivateKeyPem());
    browser.type(By.id("profile:scopes"), "mail");
    browser.click(By.id("profile:save"));
    browser.awaitText(By.id("profile:privateKeySet"), "Set: a private key is stored");
    assertThat(browser.find(By.id("profile:lastToken")).getText())
        .contains("None since this server started");
    servers.issuesBearerTokenFor(mailbox.address());

    browser.type(By.id("profile:testUsername"), mailbox.address());
    browser.click(By.id("profile:testConnection"));

    browser.awaitText(By.id("profile:incomingStep"), "Incoming: passed");
    browser.open("admin/profile/profile.xhtml?id=" + profileId);
    assertThat(browser.driver().findElements(By.cssSelector("[id='profile:lastToken'] time")))
        .hasSize(1);
  }

  private static String newPrivateKeyPem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void anOpenIdConnectIssuerGivesTheEndpointsOnSaveAndAnUnreachableOneIsShownNextToIt()
      throws Exception {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/profile/profile.xhtml");
    browser.selectOne("profile:preset", "OPENID_CONNECT");
    browser.awaitText(By.id("profile:presetNote"), "issuer URL");
    String name = ProfilesUiIT.unique("ui-oidc");
    browser.type(By.id("profile:name"), name);
    browser.type(By.id("profile:incomingServer"), "imap.example.org");
    browser.type(By.id("profile:outgoingServer"), "smtp.example.org");
    browser.selectOne("profile:grant", "CLIENT_SECRET");
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    browser.type(By.id("profile:issuer"), "http://127.0.0.1:" + closedPort + "/realms/mail");
    browser.type(By.id("profile:clientId"), "syncpost");
    browser.type(By.id("profile:clientSecret"), "oidc-client-secret-4d2");
    browser.click(By.id("profile:save"));

    browser.awaitText(By.id("profile:messages"), "not its OAuth client");
    assertThat(
            browser
                .find(
                    By.xpath(
                        "//*[@id='profile:issuer']/following-sibling::*[contains(@class,"
                            + "'ui-message-error')]"))
                .getText())
        .contains("/.well-known/openid-configuration");

    String issuer = servers.issuerUrl();
    browser.type(By.id("profile:issuer"), issuer);
    browser.type(By.id("profile:clientSecret"), "oidc-client-secret-4d2");
    browser.click(By.id("profile:save"));

    browser.awaitText(By.id("profile:messages"), name + "' saved.");
    assertThat(browser.find(By.id("profile:tokenEndpoint")).getDomProperty("value"))
        .isEqualTo(servers.tokenEndpoint());
    assertThat(browser.find(By.id("profile:clientSecretSet")).getText())
        .contains("Set: a client secret is stored");
  }
}
