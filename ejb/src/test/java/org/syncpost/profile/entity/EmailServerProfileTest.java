package org.syncpost.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.profile.entity.ProfileSettingsBuilder.imap;
import static org.syncpost.profile.entity.ProfileSettingsBuilder.pop3;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.Role;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.validation.entity.Violation;

class EmailServerProfileTest {

  private static final User OWNER =
      new User(new UserDetails("owner", "owner@example.com", java.util.Set.of(Role.ADMINISTRATOR)));

  private static EmailServerProfile configured(ProfileSettingsBuilder settings) {
    EmailServerProfile profile = new EmailServerProfile();
    profile.configure(settings.build(), OWNER);
    return profile;
  }

  private static List<String> fieldsOf(List<Violation> violations) {
    return violations.stream().map(Violation::field).toList();
  }

  @Nested
  class PortsOnConfigure {

    @Test
    void imapProfileWithSslGetsPorts993And465() {
      EmailServerProfile profile = configured(imap().useSsl(true));

      assertThat(profile)
          .extracting(p -> p.getIncoming().getPort(), p -> p.getOutgoing().getPort())
          .containsExactly(993, 465);
    }

    @Test
    void imapProfileWithoutSslGetsPorts143And587() {
      EmailServerProfile profile = configured(imap().useSsl(false));

      assertThat(profile)
          .extracting(p -> p.getIncoming().getPort(), p -> p.getOutgoing().getPort())
          .containsExactly(143, 587);
    }

    @Test
    void pop3ProfileWithSslGetsPorts995And465() {
      EmailServerProfile profile = configured(pop3().useSsl(true));

      assertThat(profile)
          .extracting(p -> p.getIncoming().getPort(), p -> p.getOutgoing().getPort())
          .containsExactly(995, 465);
    }

    @Test
    void pop3ProfileWithoutSslGetsPorts110And587() {
      EmailServerProfile profile = configured(pop3().useSsl(false));

      assertThat(profile)
          .extracting(p -> p.getIncoming().getPort(), p -> p.getOutgoing().getPort())
          .containsExactly(110, 587);
    }

    @Test
    void explicitPortsAreKept() {
      EmailServerProfile profile = configured(imap().incomingPort(1143).outgoingPort(2525));

      assertThat(profile)
          .extracting(p -> p.getIncoming().getPort(), p -> p.getOutgoing().getPort())
          .containsExactly(1143, 2525);
    }

    @Test
    void portWrittenAfterTheHostIsUsedWhenNoPortIsGiven() {
      EmailServerProfile profile = configured(imap().incomingServer("host:1993"));

      assertThat(profile)
          .extracting(p -> p.getIncoming().getHost(), p -> p.getIncoming().getPort())
          .containsExactly("host", 1993);
    }

    @Test
    void turningSslOffOnTheSslDefaultPortsSwitchesToThePlainDefaults() {
      EmailServerProfile profile = configured(imap().useSsl(true));

      // the form sends back the ports it shows, which are the SSL defaults
      profile.configure(imap().useSsl(false).incomingPort(993).outgoingPort(465).build(), OWNER);

      assertThat(profile)
          .extracting(p -> p.getIncoming().getPort(), p -> p.getOutgoing().getPort())
          .containsExactly(143, 587);
    }

    @Test
    void turningSslOffKeepsACustomPort() {
      EmailServerProfile profile = configured(imap().useSsl(true).incomingPort(1993));

      profile.configure(imap().useSsl(false).incomingPort(1993).build(), OWNER);

      assertThat(profile.getIncoming().getPort()).isEqualTo(1993);
    }
  }

  @Nested
  class Violations {

    @Test
    void validSettingsHaveNoViolations() {
      assertThat(new EmailServerProfile().violationsOf(imap().build(), false)).isEmpty();
    }

    @Test
    void anonymousIncomingCredentialsAreRefusedAsAnonymous() {
      List<Violation> violations =
          new EmailServerProfile()
              .violationsOf(
                  imap().incomingCredentialSource(CredentialSource.ANONYMOUS).build(), false);

      assertThat(violations)
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("incomingCredentialSource");
                assertThat(v.message()).contains("anonymous");
              });
    }

    @Test
    void serverIdentityIsRefusedForIncoming() {
      List<Violation> violations =
          new EmailServerProfile()
              .violationsOf(
                  imap()
                      .useSameSettingsForOutgoing(false)
                      .incomingCredentialSource(CredentialSource.SERVER_IDENTITY)
                      .build(),
                  false);

      assertThat(fieldsOf(violations)).containsExactly("incomingCredentialSource");
    }

    @Test
    void serverIdentityIsAllowedForSeparateOutgoingSettings() {
      List<Violation> violations =
          new EmailServerProfile()
              .violationsOf(
                  imap()
                      .useSameSettingsForOutgoing(false)
                      .outgoingCredentialSource(CredentialSource.SERVER_IDENTITY)
                      .build(),
                  false);

      assertThat(violations).isEmpty();
    }

    @Test
    void anonymousOutgoingIsRefusedForSeparateOutgoingSettings() {
      List<Violation> violations =
          new EmailServerProfile()
              .violationsOf(
                  imap()
                      .useSameSettingsForOutgoing(false)
                      .outgoingCredentialSource(CredentialSource.ANONYMOUS)
                      .build(),
                  false);

      assertThat(fieldsOf(violations)).containsExactly("outgoingCredentialSource");
    }

    @Test
    void pop3ProfileCannotBecomeImap() {
      EmailServerProfile profile = configured(pop3());

      assertThat(fieldsOf(profile.violationsOf(imap().build(), false)))
          .containsExactly("serverType");
    }

    @Test
    void imapProfileCanBecomePop3() {
      EmailServerProfile profile = configured(imap());

      assertThat(profile.violationsOf(pop3().build(), false)).isEmpty();
    }

    @Test
    void sslOffIsRefusedWhenTheOrganisationDoesNotAllowNonSslEmail() {
      List<Violation> violations =
          new EmailServerProfile().violationsOf(imap().useSsl(false).build(), false);

      assertThat(fieldsOf(violations)).containsExactly("incomingUseSsl", "outgoingUseSsl");
    }

    @Test
    void sslOffIsAcceptedWhenTheOrganisationAllowsNonSslEmail() {
      assertThat(new EmailServerProfile().violationsOf(imap().useSsl(false).build(), true))
          .isEmpty();
    }

    @Test
    void profileCredentialsNeedUsernameAndPassword() {
      List<Violation> violations =
          new EmailServerProfile()
              .violationsOf(
                  imap().incomingCredentialSource(CredentialSource.PROFILE).build(), false);

      assertThat(fieldsOf(violations)).containsExactly("username", "password");
    }

    @Test
    void storedProfilePasswordNeedNotBeEnteredAgain() {
      ProfileSettingsBuilder withProfileCredentials =
          imap()
              .incomingCredentialSource(CredentialSource.PROFILE)
              .username("svc@example.com")
              .password(Secret.of("s3cret"));
      EmailServerProfile profile = configured(withProfileCredentials);

      assertThat(profile.violationsOf(withProfileCredentials.password(null).build(), false))
          .isEmpty();
    }

    @Test
    void separateOutgoingProfileCredentialsNeedOutgoingUsernameAndPassword() {
      List<Violation> violations =
          new EmailServerProfile()
              .violationsOf(
                  imap()
                      .useSameSettingsForOutgoing(false)
                      .outgoingCredentialSource(CredentialSource.PROFILE)
                      .build(),
                  false);

      assertThat(fieldsOf(violations)).containsExactly("outgoingUsername", "outgoingPassword");
    }

    @Test
    void portOutOfRangeAfterTheHostIsRefused() {
      List<Violation> violations =
          new EmailServerProfile()
              .violationsOf(imap().incomingServer("imap.example.com:99999").build(), false);

      assertThat(fieldsOf(violations)).containsExactly("incomingServer");
    }

    @Test
    void oauthAuthenticationNeedsTheOauthCredentialSource() {
      List<Violation> violations =
          new EmailServerProfile()
              .violationsOf(imap().incomingAuthProtocol(AuthProtocol.OAUTH2).build(), false);

      assertThat(fieldsOf(violations)).containsExactly("incomingAuthProtocol");
    }
  }

  @Nested
  class Configure {

    @Test
    void sharedSettingsMirrorIncomingCredentialsToOutgoing() {
      Secret password = Secret.of("s3cret");
      EmailServerProfile profile =
          configured(
              imap()
                  .useSameSettingsForOutgoing(true)
                  .incomingCredentialSource(CredentialSource.PROFILE)
                  .incomingAuthProtocol(AuthProtocol.BASIC)
                  .username("svc@example.com")
                  .password(password)
                  .outgoingCredentialSource(CredentialSource.SERVER_IDENTITY)
                  .outgoingAuthProtocol(AuthProtocol.NTLM)
                  .outgoingUsername("other@example.com")
                  .outgoingPassword(Secret.of("other")));

      assertThat(profile)
          .extracting(
              p -> p.getOutgoing().getCredentialSource(),
              p -> p.getOutgoing().getAuthProtocol(),
              p -> p.getOutgoing().getUsername(),
              p -> p.getOutgoing().getPassword())
          .containsExactly(
              CredentialSource.PROFILE, AuthProtocol.BASIC, "svc@example.com", password);
    }

    @Test
    void switchingAwayFromProfileCredentialsForgetsUsernameAndPassword() {
      EmailServerProfile profile =
          configured(
              imap()
                  .incomingCredentialSource(CredentialSource.PROFILE)
                  .username("svc@example.com")
                  .password(Secret.of("s3cret")));

      profile.configure(
          imap().incomingCredentialSource(CredentialSource.USER_OR_QUEUE).build(), OWNER);

      assertThat(profile)
          .extracting(p -> p.getIncoming().getUsername(), p -> p.getIncoming().isPasswordSet())
          .containsExactly(null, false);
    }

    @Test
    void switchingSeparateOutgoingAwayFromProfileCredentialsForgetsThem() {
      ProfileSettingsBuilder separate = imap().useSameSettingsForOutgoing(false);
      EmailServerProfile profile =
          configured(
              separate
                  .outgoingCredentialSource(CredentialSource.PROFILE)
                  .outgoingUsername("smtp@example.com")
                  .outgoingPassword(Secret.of("s3cret")));

      profile.configure(
          separate.outgoingCredentialSource(CredentialSource.SERVER_IDENTITY).build(), OWNER);

      assertThat(profile)
          .extracting(p -> p.getOutgoing().getUsername(), p -> p.getOutgoing().isPasswordSet())
          .containsExactly(null, false);
    }

    @Test
    void storedPasswordIsKeptWhenNoneIsEntered() {
      Secret stored = Secret.of("s3cret");
      ProfileSettingsBuilder withProfileCredentials =
          imap()
              .incomingCredentialSource(CredentialSource.PROFILE)
              .username("svc@example.com")
              .password(stored);
      EmailServerProfile profile = configured(withProfileCredentials);

      profile.configure(withProfileCredentials.password(null).build(), OWNER);

      assertThat(profile.getIncoming().getPassword()).isSameAs(stored);
    }

    @Test
    void oauthCredentialSourceForcesOauthAuthentication() {
      EmailServerProfile profile =
          configured(
              imap()
                  .incomingCredentialSource(CredentialSource.OAUTH2)
                  .incomingAuthProtocol(AuthProtocol.BASIC));

      assertThat(profile)
          .extracting(
              p -> p.getIncoming().getAuthProtocol(), p -> p.getOutgoing().getAuthProtocol())
          .containsExactly(AuthProtocol.OAUTH2, AuthProtocol.OAUTH2);
    }

    @Test
    void separateOutgoingOauthSourceForcesOauthAuthenticationForOutgoingOnly() {
      EmailServerProfile profile =
          configured(
              imap()
                  .useSameSettingsForOutgoing(false)
                  .incomingAuthProtocol(AuthProtocol.BASIC)
                  .outgoingCredentialSource(CredentialSource.OAUTH2)
                  .outgoingAuthProtocol(AuthProtocol.AUTO_DETECT));

      assertThat(profile)
          .extracting(
              p -> p.getIncoming().getAuthProtocol(), p -> p.getOutgoing().getAuthProtocol())
          .containsExactly(AuthProtocol.BASIC, AuthProtocol.OAUTH2);
    }

    @Test
    void blankTrustedCertificatesAreStoredAsNone() {
      EmailServerProfile profile = configured(imap().trustedCertificatesPem("  \n"));

      assertThat(profile.getTrustedCertificatesPem()).isNull();
    }
  }
}
