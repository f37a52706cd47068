package org.syncpost.profile.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.ProviderPreset;
import org.syncpost.profile.entity.ServerAddress;

class ProviderPresetsTest {

  private final ProviderPresets presets = new ProviderPresets();

  @Test
  void theFiveProvidersOfIssue15AreThereInOrder() {
    assertThat(presets.all())
        .extracting(ProviderPreset::id)
        .containsExactly("GOOGLE", "MICROSOFT_365", "YAHOO", "ICLOUD", "FASTMAIL");
  }

  @Test
  void everyServerOfEveryPresetIsAHostWithItsPort() {
    for (ProviderPreset preset : presets.all()) {
      for (String server : new String[] {preset.imap(), preset.smtp(), preset.pop3()}) {
        if (server != null) {
          assertThat(ServerAddress.parse(server))
              .as(preset.id() + " " + server)
              .hasValueSatisfying(address -> assertThat(address.port()).isPresent());
        }
      }
    }
  }

  @Test
  void oauthPresetsNameAGrantHttpsEndpointsAndScopes() {
    for (ProviderPreset preset : presets.all()) {
      if (preset.credentialSource() != CredentialSource.OAUTH2) {
        assertThat(preset.grant()).as(preset.id()).isNull();
        continue;
      }
      assertThat(preset.grant()).as(preset.id()).isNotNull();
      assertThat(URI.create(preset.tokenEndpoint().replace("<tenant>", "t")).getScheme())
          .isEqualTo("https");
      assertThat(preset.scopes()).as(preset.id()).isNotBlank();
    }
  }

  @Test
  void googleIsDomainWideDelegationAndMicrosoftClientCredentials() {
    assertThat(presets.find("google").orElseThrow().grant()).isEqualTo(OAuthGrant.JWT_BEARER);
    assertThat(presets.find("MICROSOFT_365").orElseThrow().oauth().getScopes())
        .isEqualTo("https://outlook.office365.com/.default");
    assertThat(presets.find("aol")).isEmpty();
  }
}
