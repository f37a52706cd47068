package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.syncpost.system.SyncPostServer;

/**
 * The OAuth 2.0 client in the profile form (issue 15): a new profile starts from a provider preset,
 * the administrator enters only the client id and its secret or key, and no secret ever comes back
 * to the browser.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class OAuthProfilesUiIT {

  private static final String CLIENT_SECRET = "Entra-Client-Secret-9q~Zx81";

  private final SyncPostServer server;
  private Browser browser;

  OAuthProfilesUiIT(SyncPostServer server) {
    this.server = server;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private Browser newProfileForm() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/profile/profile.xhtml");
    return browser;
  }

  private long idOf(String profileName) {
    return server.admin().get("profiles?limit=1000").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(p -> p.getString("name").equals(profileName))
        .mapToLong(p -> p.getJsonNumber("id").longValue())
        .findFirst()
        .orElseThrow();
  }

  private JsonObject storedOAuthClientOf(String profileName) {
    return server.admin().get("profiles/" + idOf(profileName) + "/oauth").json();
  }

  private void assertNeverInThePage(String secret) {
    String viewState = browser.present(By.name("jakarta.faces.ViewState")).getDomProperty("value");
    assertThat(browser.driver().getPageSource()).doesNotContain(secret);
    assertThat(viewState).doesNotContain(secret);
  }

  @Test
  void aMicrosoft365ProfileFromThePresetNeedsOnlyTheTenantClientIdAndSecret() {
    Browser admin = newProfileForm();
    admin.selectOne("profile:preset", "MICROSOFT_365");

    admin.awaitText(By.id("profile:presetNote"), "IMAP.AccessAsApp");
    assertThat(admin.find(By.id("profile:incomingServer")).getDomProperty("value"))
        .isEqualTo("outlook.office365.com");
    assertThat(admin.find(By.id("profile:outgoingPort")).getDomProperty("value")).isEqualTo("587");
    assertThat(admin.find(By.id("profile:scopes")).getDomProperty("value"))
        .isEqualTo("https://outlook.office365.com/.default");
    assertThat(admin.find(By.id("profile:clientSecretSet")).getText()).contains("Not set");
    String name = ProfilesUiIT.unique("ui-m365");
    admin.type(By.id("profile:name"), name);
    admin.type(
        By.id("profile:tokenEndpoint"),
        "https://login.microsoftonline.com/2f1c7c1e-0000-4000-8000-000000000365/oauth2/v2.0/token");
    admin.type(
        By.id("profile:authorizationEndpoint"),
        "https://login.microsoftonline.com/2f1c7c1e-0000-4000-8000-000000000365/oauth2/v2.0/authorize");
    admin.type(By.id("profile:clientId"), "5a7e0000-1111-4222-8333-444455556666");
    admin.type(By.id("profile:clientSecret"), CLIENT_SECRET);
    admin.screenshot("profile-oauth-form");
    admin.click(By.id("profile:save"));

    admin.awaitText(By.id("profile:messages"), name + "' saved.");
    admin.awaitText(By.id("profile:clientSecretSet"), "Set: a client secret is stored");
    assertThat(admin.driver().findElements(By.id("profile:clientSecret"))).isEmpty();
    assertThat(admin.find(By.id("profile:replaceClientSecret")).isDisplayed()).isTrue();
    assertNeverInThePage(CLIENT_SECRET);
    JsonObject stored = storedOAuthClientOf(name);
    assertThat(stored.getString("grant")).isEqualTo("CLIENT_SECRET");
    assertThat(stored.getString("clientId")).isEqualTo("5a7e0000-1111-4222-8333-444455556666");
    assertThat(stored.getBoolean("clientSecretSet")).isTrue();
    assertThat(stored.getString("scopes")).isEqualTo("https://outlook.office365.com/.default");
  }

  @Test
  void aTenantLeftInThePresetsTokenEndpointIsShownNextToItAndTheProfileIsKept() {
    Browser admin = newProfileForm();
    admin.selectOne("profile:preset", "MICROSOFT_365");
    admin.awaitText(By.id("profile:presetNote"), "tenant");
    String name = ProfilesUiIT.unique("ui-m365-tenant");
    admin.type(By.id("profile:name"), name);
    admin.type(By.id("profile:clientId"), "5a7e0000-1111-4222-8333-444455556666");
    admin.type(By.id("profile:clientSecret"), CLIENT_SECRET);
    admin.click(By.id("profile:save"));

    admin.awaitText(By.id("profile:messages"), "not its OAuth client");
    assertThat(
            admin
                .find(
                    By.xpath(
                        "//*[@id='profile:tokenEndpoint']/following-sibling::*[contains(@class,"
                            + "'ui-message-error')]"))
                .getText())
        .contains("replace <tenant>");
    assertNeverInThePage(CLIENT_SECRET);
    assertThat(storedOAuthClientOf(name).getBoolean("clientSecretSet")).isFalse();
  }

  @Test
  void aGoogleProfileTakesAPastedPrivateKeyAndNeverShowsIt() throws Exception {
    String pem = newPrivateKeyPem();
    String keyBody = pem.lines().skip(1).findFirst().orElseThrow();
    Browser admin = newProfileForm();
    admin.selectOne("profile:preset", "GOOGLE");
    admin.awaitText(By.id("profile:presetNote"), "domain-wide delegation");
    String name = ProfilesUiIT.unique("ui-google");
    admin.type(By.id("profile:name"), name);
    admin.type(By.id("profile:clientId"), "syncpost@project.iam.gserviceaccount.com");
    admin.type(By.id("profile:privateKey"), pem);
    admin.type(By.id("profile:keyId"), "9f2c0c8d1e");
    admin.click(By.id("profile:save"));

    admin.awaitText(By.id("profile:messages"), name + "' saved.");
    admin.awaitText(By.id("profile:privateKeySet"), "Set: a private key is stored");
    assertNeverInThePage(keyBody);
    JsonObject stored = storedOAuthClientOf(name);
    assertThat(stored.getString("grant")).isEqualTo("JWT_BEARER");
    assertThat(stored.getBoolean("privateKeySet")).isTrue();
    assertThat(stored.getString("tokenEndpoint")).isEqualTo("https://oauth2.googleapis.com/token");

    admin.click(By.id("profile:replacePrivateKey"));
    Path keyFile = Files.createTempFile("service-account", ".pem");
    try {
      Files.writeString(keyFile, newPrivateKeyPem());
      admin.present(By.id("profile:privateKeyFile_input")).sendKeys(keyFile.toString());
      admin.awaitText(By.id("profile:privateKeySet"), "A new key waits for Save");
    } finally {
      Files.delete(keyFile);
    }
    admin.click(By.id("profile:save"));
    admin.awaitText(By.id("profile:privateKeySet"), "Set: a private key is stored");
    assertThat(
            server
                .admin()
                .get("audit?objectType=profile&objectId=" + idOf(name))
                .array()
                .toString())
        .contains("private key replaced");
  }

  private static String newPrivateKeyPem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
