package org.syncpost.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.profile.entity.ProfileSettingsBuilder.imap;
import static org.syncpost.profile.entity.ProfileSettingsBuilder.onlyRequired;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;

class ProfileSettingsTest {

  private static final Instant NOW = Instant.parse("2025-06-15T12:30:00Z");

  @Test
  void withDefaultsFillsEveryEmptySettingWithItsDocumentedDefault() {
    ProfileSettings filled = onlyRequired().build().withDefaults(NOW);

    assertThat(filled)
        .isEqualTo(
            imap()
                .useSsl(true)
                .incomingCredentialSource(CredentialSource.USER_OR_QUEUE)
                .outgoingCredentialSource(CredentialSource.USER_OR_QUEUE)
                .incomingAuthProtocol(AuthProtocol.AUTO_DETECT)
                .outgoingAuthProtocol(AuthProtocol.AUTO_DETECT)
                .useSameSettingsForOutgoing(true)
                .processEmailFrom(NOW)
                .minPollingIntervalMinutes(1)
                .maxConcurrentConnections(10)
                .connectionTimeoutSeconds(30)
                .alertOwnerOnFailures(false)
                .revocationCheck(RevocationCheck.SOFT_FAIL)
                .build());
  }

  @Test
  void withDefaultsKeepsEveryGivenValue() {
    ProfileSettings given =
        ProfileSettingsBuilder.pop3()
            .incomingPort(1110)
            .outgoingPort(2525)
            .useSsl(false)
            .incomingCredentialSource(CredentialSource.PROFILE)
            .outgoingCredentialSource(CredentialSource.SERVER_IDENTITY)
            .incomingAuthProtocol(AuthProtocol.BASIC)
            .outgoingAuthProtocol(AuthProtocol.NTLM)
            .username("svc@example.com")
            .password(Secret.of("s3cret"))
            .useSameSettingsForOutgoing(false)
            .processEmailFrom(Instant.parse("2020-01-01T00:00:00Z"))
            .minPollingIntervalMinutes(0)
            .maxConcurrentConnections(3)
            .connectionTimeoutSeconds(90)
            .alertOwnerOnFailures(true)
            .revocationCheck(RevocationCheck.SOFT_FAIL)
            .build();

    assertThat(given.withDefaults(NOW)).isEqualTo(given);
  }

  @Test
  void emptyOutgoingChoicesFollowTheIncomingOnes() {
    ProfileSettings filled =
        onlyRequired()
            .incomingCredentialSource(CredentialSource.PROFILE)
            .incomingAuthProtocol(AuthProtocol.BASIC)
            .build()
            .withDefaults(NOW);

    assertThat(filled)
        .extracting(
            ProfileSettings::outgoingCredentialSource, ProfileSettings::outgoingAuthProtocol)
        .containsExactly(CredentialSource.PROFILE, AuthProtocol.BASIC);
  }
}
