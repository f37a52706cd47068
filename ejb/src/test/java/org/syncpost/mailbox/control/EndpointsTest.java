package org.syncpost.mailbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.syncpost.profile.entity.ProfileSettingsBuilder.imap;
import static org.syncpost.profile.entity.ProfileSettingsBuilder.pop3;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.lang.reflect.Field;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.Role;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailserver.control.AccessTokens;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TlsMode;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.Impersonation;
import org.syncpost.profile.entity.ImpersonationMethod;
import org.syncpost.profile.entity.MailboxIdentity;
import org.syncpost.profile.entity.OAuthSettings;
import org.syncpost.profile.entity.ProfileSettingsBuilder;
import org.syncpost.settings.entity.EmailSettingsBuilder;
import org.syncpost.settings.entity.OrganisationSettings;

class EndpointsTest {

  private static final User ALICE =
      new User(new UserDetails("alice", "alice@example.com", Set.of(Role.MAILBOX_OWNER)));

  private final Endpoints endpoints = new Endpoints();

  private static OrganisationSettings organisation(boolean allowNonSslEmail) {
    return EmailSettingsBuilder.defaults()
        .requireApproval(false, false)
        .allowNonSslEmail(allowNonSslEmail)
        .organisation();
  }

  private static EmailServerProfile profile(ProfileSettingsBuilder settings) {
    EmailServerProfile profile = new EmailServerProfile();
    profile.configure(settings.build(), ALICE);
    setId(EmailServerProfile.class, profile, 42L);
    return profile;
  }

  /** A mailbox of {@code profile} with its own credentials, allowed for email processing. */
  private static Mailbox mailbox(EmailServerProfile profile) {
    Mailbox mailbox = Mailbox.of(ALICE, organisation(false), profile);
    setId(Mailbox.class, mailbox, 7L);
    mailbox.changeCredentials("alice@example.com", Secret.of("mailbox-password"), true);
    return mailbox;
  }

  private static <T> void setId(Class<T> type, T entity, long id) {
    try {
      Field field = type.getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static FailureCause causeOf(Runnable building) {
    return catchThrowableOfType(MailServerFailure.class, building::run).failureCause();
  }

  private final OrganisationSettings sslOnly = organisation(false);

  @Nested
  class Credentials {

    @Test
    void userOrQueueCredentialsAreTheMailboxs() {
      Endpoint incoming = endpoints.incomingOf(mailbox(profile(imap())), sslOnly);

      assertThat(incoming.username()).isEqualTo("alice@example.com");
      assertThat(incoming.password().reveal()).isEqualTo("mailbox-password");
    }

    @Test
    void mailboxCredentialsAreNotUsedWhenTheMailboxDoesNotAllowIt() {
      Mailbox mailbox = mailbox(profile(imap()));
      mailbox.changeCredentials("alice@example.com", null, false);

      assertThat(causeOf(() -> endpoints.incomingOf(mailbox, sslOnly)))
          .isEqualTo(FailureCause.CREDENTIALS_MISSING);
    }

    @Test
    void aMailboxWithoutPasswordHasNoCredentials() {
      Mailbox mailbox = Mailbox.of(ALICE, organisation(false), profile(imap()));
      mailbox.changeCredentials("alice@example.com", null, true);

      assertThat(causeOf(() -> endpoints.outgoingOf(mailbox, sslOnly)))
          .isEqualTo(FailureCause.CREDENTIALS_MISSING);
    }

    @Test
    void profileCredentialsAreTheProfilesEvenWhenTheMailboxHasItsOwn() {
      EmailServerProfile profile =
          profile(
              imap()
                  .incomingCredentialSource(CredentialSource.PROFILE)
                  .username("service@example.com")
                  .password(Secret.of("profile-password")));

      Endpoint outgoing = endpoints.outgoingOf(mailbox(profile), sslOnly);

      assertThat(outgoing.username()).isEqualTo("service@example.com");
      assertThat(outgoing.password().reveal()).isEqualTo("profile-password");
    }

    @Test
    void profileCredentialsActForTheMailboxByDefaultWithItsAddressAsAuthorizationIdentity() {
      EmailServerProfile profile =
          profile(
              imap()
                  .incomingCredentialSource(CredentialSource.PROFILE)
                  .username("service@example.com")
                  .password(Secret.of("profile-password")));

      Endpoint incoming = endpoints.incomingOf(mailbox(profile), sslOnly);

      assertThat(incoming.username()).isEqualTo("service@example.com");
      assertThat(incoming.authorizationId()).isEqualTo("alice@example.com");
      assertThat(incoming.actingFor()).isEqualTo("alice@example.com");
    }

    @Test
    void aMasterUserLoginNamesTheMailboxThenTheSeparatorThenTheAccount() {
      EmailServerProfile profile =
          profile(
              pop3()
                  .incomingCredentialSource(CredentialSource.PROFILE)
                  .username("master")
                  .password(Secret.of("profile-password"))
                  .impersonation(
                      new Impersonation(
                          ImpersonationMethod.MASTER_USER_LOGIN, MailboxIdentity.USER_NAME, "%")));
      Mailbox mailbox = mailbox(profile);
      mailbox.changeCredentials("alice", null, false);

      Endpoint incoming = endpoints.incomingOf(mailbox, sslOnly);
      Endpoint outgoing = endpoints.outgoingOf(mailbox, sslOnly);

      assertThat(incoming.username()).isEqualTo("alice%master");
      assertThat(incoming.authorizationId()).isNull();
      assertThat(outgoing.username()).isEqualTo("alice%master");
    }

    @Test
    void aMailboxWithoutTheNameTheProfileActsForHasNoCredentials() {
      EmailServerProfile profile =
          profile(
              imap()
                  .incomingCredentialSource(CredentialSource.PROFILE)
                  .username("master")
                  .password(Secret.of("profile-password"))
                  .impersonation(
                      new Impersonation(
                          ImpersonationMethod.SASL_AUTHZID, MailboxIdentity.USER_NAME, null)));
      Mailbox mailbox = mailbox(profile);
      mailbox.changeCredentials(null, null, false);

      assertThat(causeOf(() -> endpoints.incomingOf(mailbox, sslOnly)))
          .isEqualTo(FailureCause.CREDENTIALS_MISSING);
    }

    @Test
    void outgoingUsesTheOutgoingProfileCredentialsWhenSettingsDiffer() {
      EmailServerProfile profile =
          profile(
              imap()
                  .useSameSettingsForOutgoing(false)
                  .incomingCredentialSource(CredentialSource.PROFILE)
                  .username("reader@example.com")
                  .password(Secret.of("reader-password"))
                  .outgoingCredentialSource(CredentialSource.PROFILE)
                  .outgoingUsername("sender@example.com")
                  .outgoingPassword(Secret.of("sender-password")));
      Mailbox mailbox = mailbox(profile);

      assertThat(endpoints.incomingOf(mailbox, sslOnly).username()).isEqualTo("reader@example.com");
      assertThat(endpoints.outgoingOf(mailbox, sslOnly).password().reveal())
          .isEqualTo("sender-password");
    }

    @Test
    void oauthWithoutAnOAuthClientIsMissingCredentials() {
      EmailServerProfile profile =
          profile(imap().incomingCredentialSource(CredentialSource.OAUTH2));

      assertThat(causeOf(() -> endpoints.incomingOf(mailbox(profile), sslOnly)))
          .isEqualTo(FailureCause.CREDENTIALS_MISSING);
    }

    @Test
    void oauthSignsInAsTheMailboxAddressWithATokenForThatAddress() {
      EmailServerProfile profile =
          profile(imap().incomingCredentialSource(CredentialSource.OAUTH2));
      profile.configureOAuth(
          new OAuthSettings.Input(
              OAuthGrant.JWT_BEARER,
              "https://oauth2.example.com/token",
              null,
              "syncpost@example.iam",
              null,
              Secret.of("-----BEGIN PRIVATE KEY-----\nMII=\n-----END PRIVATE KEY-----"),
              null,
              "https://mail.google.com/",
              null));
      Mailbox mailbox = mailbox(profile);
      endpoints.accessTokens =
          new AccessTokens() {
            @Override
            public Secret tokenFor(OAuthClient client, String address, String server) {
              assertThat(client.clientId()).isEqualTo("syncpost@example.iam");
              return Secret.of("token-for-" + address);
            }
          };

      Endpoint incoming = endpoints.incomingOf(mailbox, sslOnly);

      assertThat(incoming.username()).isEqualTo(mailbox.getEmail());
      assertThat(incoming.password().reveal()).isEqualTo("token-for-" + mailbox.getEmail());
      assertThat(incoming.authProtocol()).isEqualTo(AuthProtocol.OAUTH2);
      assertThat(incoming.connectionKey()).isEqualTo("mailbox-7-incoming");
    }

    private EmailServerProfile delegatedProfile() {
      EmailServerProfile profile =
          profile(imap().incomingCredentialSource(CredentialSource.OAUTH2));
      profile.configureOAuth(
          new OAuthSettings.Input(
              OAuthGrant.AUTHORIZATION_CODE,
              "https://login.example.com/token",
              "https://login.example.com/authorize",
              "syncpost-web",
              null,
              null,
              null,
              "mail",
              null));
      return profile;
    }

    @Test
    void aDelegatedMailboxSignsInWithTheTokenItsOwnConnectionGives() {
      Mailbox mailbox = mailbox(delegatedProfile());
      endpoints.delegated =
          new DelegatedAccess() {
            @Override
            Secret tokenFor(Mailbox connected, OAuthClient client, String server) {
              assertThat(client.grant()).isEqualTo(OAuthGrant.AUTHORIZATION_CODE);
              return Secret.of("token-of-mailbox-" + connected.getId());
            }
          };

      Endpoint incoming = endpoints.incomingOf(mailbox, sslOnly);

      assertThat(incoming.username()).isEqualTo(mailbox.getEmail());
      assertThat(incoming.password().reveal()).isEqualTo("token-of-mailbox-7");
      assertThat(incoming.connectionKey()).isEqualTo("mailbox-7-incoming");
    }

    @Test
    void aDelegatedProfileIsNotTestedWithoutAConnectedMailbox() {
      EmailServerProfile profile = delegatedProfile();

      assertThat(
              causeOf(
                  () -> endpoints.ofProfile(profile, false, sslOnly, "alice@example.com", null)))
          .isEqualTo(FailureCause.CONNECT_AGAIN);
    }

    @Test
    void serverIdentityTakesTheUserAndPasswordOfTheServersMailSession() {
      Properties props = new Properties();
      props.setProperty("mail.smtp.user", "relay@example.com");
      Session serverSession =
          Session.getInstance(
              props,
              new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                  return new PasswordAuthentication(getDefaultUserName(), "relay-password");
                }
              });
      endpoints.sessionLookup =
          name -> {
            assertThat(name).isEqualTo("mail/syncpost");
            return serverSession;
          };
      EmailServerProfile profile =
          profile(
              imap()
                  .useSameSettingsForOutgoing(false)
                  .outgoingCredentialSource(CredentialSource.SERVER_IDENTITY));

      Endpoint outgoing = endpoints.outgoingOf(mailbox(profile), sslOnly);

      assertThat(outgoing.username()).isEqualTo("relay@example.com");
      assertThat(outgoing.password().reveal()).isEqualTo("relay-password");
    }

    @Test
    void serverIdentityWithoutAMailSessionHasNoCredentials() {
      endpoints.sessionLookup =
          name -> {
            throw new IllegalStateException("no Jakarta Mail session bound at " + name);
          };
      EmailServerProfile profile =
          profile(
              imap()
                  .useSameSettingsForOutgoing(false)
                  .outgoingCredentialSource(CredentialSource.SERVER_IDENTITY));

      MailServerFailure failure =
          catchThrowableOfType(
              MailServerFailure.class, () -> endpoints.outgoingOf(mailbox(profile), sslOnly));

      assertThat(failure.failureCause()).isEqualTo(FailureCause.CREDENTIALS_MISSING);
      assertThat(failure.getMessage()).contains("mail/syncpost");
    }
  }

  @Nested
  class Servers {

    @Test
    void aMailboxWithoutProfileHasNoServer() {
      Mailbox mailbox = Mailbox.of(ALICE, organisation(false), null);

      assertThat(causeOf(() -> endpoints.incomingOf(mailbox, sslOnly)))
          .isEqualTo(FailureCause.NO_PROFILE);
    }

    @Test
    void anImapProfileWithSslUsesImplicitTlsOnThePortsFilledIn() {
      Mailbox mailbox = mailbox(profile(imap()));

      Endpoint incoming = endpoints.incomingOf(mailbox, sslOnly);
      Endpoint outgoing = endpoints.outgoingOf(mailbox, sslOnly);

      assertThat(incoming.describe()).isEqualTo("IMAP server imap.example.com:993");
      assertThat(incoming.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
      assertThat(outgoing.describe()).isEqualTo("SMTP server smtp.example.com:465");
    }

    @Test
    void sslOnTheSubmissionPortMeansStartTlsRequired() {
      Endpoint outgoing = endpoints.outgoingOf(mailbox(profile(pop3().outgoingPort(587))), sslOnly);

      assertThat(outgoing.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
    }

    @Test
    void aPop3ProfileReachesAPop3Server() {
      Endpoint incoming = endpoints.incomingOf(mailbox(profile(pop3())), sslOnly);

      assertThat(incoming.protocol()).isEqualTo(MailProtocol.POP3);
      assertThat(incoming.port()).isEqualTo(995);
    }

    @Test
    void plainConnectionsAreRefusedWhenTheOrganisationDoesNotAllowThem() {
      Mailbox mailbox = mailbox(profile(imap().useSsl(false)));

      assertThat(causeOf(() -> endpoints.incomingOf(mailbox, sslOnly)))
          .isEqualTo(FailureCause.NON_SSL_NOT_ALLOWED);
    }

    @Test
    void plainConnectionsStillUseStartTlsWhenOffered() {
      Mailbox mailbox = mailbox(profile(imap().useSsl(false)));

      Endpoint incoming = endpoints.incomingOf(mailbox, organisation(true));

      assertThat(incoming.tlsMode()).isEqualTo(TlsMode.STARTTLS_IF_OFFERED);
      assertThat(incoming.port()).isEqualTo(143);
    }

    @Test
    void timeoutAuthenticationAndTrustComeFromTheProfile() {
      String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
      EmailServerProfile profile =
          profile(
              imap()
                  .connectionTimeoutSeconds(12)
                  .incomingAuthProtocol(AuthProtocol.BASIC)
                  .revocationCheck(RevocationCheck.SOFT_FAIL)
                  .trustedCertificatesPem(pem));

      Endpoint incoming = endpoints.incomingOf(mailbox(profile), sslOnly);

      assertThat(incoming.connectionTimeoutSeconds()).isEqualTo(12);
      assertThat(incoming.authProtocol()).isEqualTo(AuthProtocol.BASIC);
      assertThat(incoming.trust().revocationCheck()).isEqualTo(RevocationCheck.SOFT_FAIL);
      assertThat(incoming.trust().trustedCertificatesPem()).isEqualTo(pem);
    }
  }

  @Nested
  class ConnectionBudget {

    @Test
    void mailboxCredentialsCountPerMailboxAndDirection() {
      Mailbox mailbox = mailbox(profile(imap().maxConcurrentConnections(4)));

      Endpoint incoming = endpoints.incomingOf(mailbox, sslOnly);

      assertThat(incoming.connectionKey()).isEqualTo("mailbox-7-incoming");
      assertThat(incoming.maxConnections()).isEqualTo(4);
      assertThat(endpoints.outgoingOf(mailbox, sslOnly).connectionKey())
          .isEqualTo("mailbox-7-outgoing");
    }

    @Test
    void profileCredentialsCountPerProfile() {
      EmailServerProfile profile =
          profile(
              imap()
                  .incomingCredentialSource(CredentialSource.PROFILE)
                  .username("service@example.com")
                  .password(Secret.of("profile-password")));

      assertThat(endpoints.incomingOf(mailbox(profile), sslOnly).connectionKey())
          .isEqualTo("profile-42-incoming");
    }
  }
}
