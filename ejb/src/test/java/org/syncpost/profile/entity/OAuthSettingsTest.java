package org.syncpost.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.validation.entity.Violation;

class OAuthSettingsTest {

  private static OAuthSettings.Input delegated(String authorizationEndpoint, Secret secret) {
    return new OAuthSettings.Input(
        OAuthGrant.AUTHORIZATION_CODE,
        "https://login.example.com/token",
        authorizationEndpoint,
        "syncpost-web",
        secret,
        null,
        null,
        "mail offline_access",
        null);
  }

  @Test
  void aDelegatedClientNeedsTheAuthorizationEndpointWherePeopleSignIn() {
    assertThat(OAuthSettings.none().violationsOf(delegated(null, null)))
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "authorizationEndpoint",
                "enter the authorization server's authorization endpoint (an https URL), where a"
                    + " person signs in to connect a mailbox"));
  }

  @Test
  void aDelegatedClientMayBePublicWithoutASecret() {
    assertThat(
            OAuthSettings.none()
                .violationsOf(delegated("https://login.example.com/authorize", null)))
        .isEmpty();
  }

  @Test
  void aConfidentialDelegatedClientKeepsItsSecretWhenTheNextChangeLeavesItOut() {
    OAuthSettings confidential =
        OAuthSettings.none()
            .changed(delegated("https://login.example.com/authorize", Secret.of("s3cret")));

    OAuthSettings changed =
        confidential.changed(delegated("https://login.example.com/authorize", null));

    assertThat(changed.isClientSecretSet()).isTrue();
    assertThat(changed.client().orElseThrow().clientSecret().reveal()).isEqualTo("s3cret");
  }

  @Test
  void onlyTheDelegatedGrantConnectsEachMailbox() {
    for (OAuthGrant grant : OAuthGrant.values()) {
      assertThat(grant.connectedPerMailbox()).isEqualTo(grant == OAuthGrant.AUTHORIZATION_CODE);
    }
    assertThat(OAuthGrant.AUTHORIZATION_CODE.takesClientSecret()).isTrue();
    assertThat(OAuthGrant.AUTHORIZATION_CODE.needsClientSecret()).isFalse();
    assertThat(OAuthGrant.AUTHORIZATION_CODE.tokenPerMailbox()).isTrue();
  }
}
