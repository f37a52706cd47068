package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.Session;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.TlsMode;

class MailSessionsTest {

  private final SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();

  @Test
  void everyNetworkWaitIsBoundedByTheProfilesTimeoutInMilliseconds() {
    Properties props =
        MailSessions.propertiesFor(EndpointFixture.imap(993).timeoutSeconds(7).build(), factory);

    assertThat(props)
        .containsEntry("mail.imap.connectiontimeout", "7000")
        .containsEntry("mail.imap.timeout", "7000")
        .containsEntry("mail.imap.writetimeout", "7000");
  }

  @Test
  void implicitTlsUsesOurSocketFactoryWithoutFallbackAndChecksTheHostName() {
    Properties props =
        MailSessions.propertiesFor(
            EndpointFixture.pop3(995).tls(TlsMode.IMPLICIT).build(), factory);

    assertThat(props)
        .containsEntry("mail.pop3.ssl.enable", "true")
        .containsEntry("mail.pop3.ssl.socketFactory", factory)
        .containsEntry("mail.pop3.socketFactory.fallback", "false")
        .containsEntry("mail.pop3.ssl.checkserveridentity", "true")
        .containsEntry("mail.pop3.starttls.enable", "false");
  }

  @Test
  void startTlsRequiredRefusesAServerWithoutIt() {
    Properties props =
        MailSessions.propertiesFor(
            EndpointFixture.smtp(587).tls(TlsMode.STARTTLS_REQUIRED).build(), factory);

    assertThat(props)
        .containsEntry("mail.smtp.ssl.enable", "false")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.auth", "true");
  }

  @Test
  void withoutSslStartTlsIsStillUsedWhenOffered() {
    Properties props =
        MailSessions.propertiesFor(
            EndpointFixture.imap(143).tls(TlsMode.STARTTLS_IF_OFFERED).build(), factory);

    assertThat(props)
        .containsEntry("mail.imap.starttls.enable", "true")
        .containsEntry("mail.imap.starttls.required", "false");
  }

  @Test
  void basicAuthenticationAllowsPlainAndLoginOnly() {
    Properties props =
        MailSessions.propertiesFor(
            EndpointFixture.imap(993).auth(AuthProtocol.BASIC).build(), factory);

    assertThat(props).containsEntry("mail.imap.auth.mechanisms", "PLAIN LOGIN");
  }

  @Test
  void autoDetectLeavesTheMechanismsToAngus() {
    Properties props =
        MailSessions.propertiesFor(
            EndpointFixture.imap(993).auth(AuthProtocol.AUTO_DETECT).build(), factory);

    assertThat(props).doesNotContainKey("mail.imap.auth.mechanisms");
  }

  @Test
  void thePasswordIsNotInTheSessionAndDebugIsOff() {
    Properties props =
        MailSessions.propertiesFor(
            EndpointFixture.smtp(465).password("never-in-properties").build(), factory);

    assertThat(props.values()).noneMatch(value -> value.toString().contains("never-in-properties"));
    assertThat(props).containsEntry("mail.debug", "false");
  }

  @Test
  void unreadableTrustedCertificatesAreReportedAsSuch() {
    MailSessions sessions = new MailSessions(new TrustPolicy(), new FailureTranslator());

    MailServerFailure failure =
        catchThrowableOfType(
            MailServerFailure.class,
            () ->
                sessions.sessionFor(
                    EndpointFixture.imap(993).trusting("not a certificate").build()));

    assertThat(failure.failureCause()).isEqualTo(FailureCause.TRUSTED_CERTIFICATES_INVALID);
  }

  @Test
  void anAuthorizationIdentityAllowsOnlySaslPlainWhichCarriesIt() {
    for (var fixture :
        java.util.List.of(
            EndpointFixture.imap(143), EndpointFixture.pop3(110), EndpointFixture.smtp(587))) {
      var endpoint = fixture.auth(AuthProtocol.AUTO_DETECT).authorizingAs("user8").build();
      String prefix = "mail." + MailSessions.protocolName(endpoint.protocol()) + ".";

      Properties props = MailSessions.propertiesFor(endpoint, factory);

      assertThat(props)
          .containsEntry(prefix + "sasl.authorizationid", "user8")
          .containsEntry(prefix + "auth.mechanisms", "PLAIN");
    }
  }

  @Test
  void aSessionOfItsOwnSendsNoAuthorizationIdentity() {
    Properties props = MailSessions.propertiesFor(EndpointFixture.imap(143).build(), factory);

    assertThat(props).doesNotContainKey("mail.imap.sasl.authorizationid");
  }

  @Test
  void storesOfOneServerShareASessionThatNamesNoUser() {
    MailSessions sessions = new MailSessions(new TrustPolicy(), new FailureTranslator());

    Session alice =
        sessions.storeSessionFor(
            EndpointFixture.imap(993).username("alice").password("a-secret").build());
    Session bob =
        sessions.storeSessionFor(
            EndpointFixture.imap(993).username("bob").password("b-secret").build());

    assertThat(alice).isSameAs(bob);
    assertThat(alice.getProperties())
        .doesNotContainKey("mail.imap.user")
        .doesNotContainValue("a-secret")
        .doesNotContainValue("b-secret");
  }

  @Test
  void aStoreActingForAMailboxHasASessionOfItsOwn() {
    MailSessions sessions = new MailSessions(new TrustPolicy(), new FailureTranslator());
    var actingFor = EndpointFixture.imap(993).auth(AuthProtocol.AUTO_DETECT).authorizingAs("user8");

    assertThat(sessions.storeSessionFor(actingFor.build()))
        .isNotSameAs(sessions.storeSessionFor(actingFor.build()));
  }

  @Test
  void anotherServerSettingGetsAnotherSession() {
    MailSessions sessions = new MailSessions(new TrustPolicy(), new FailureTranslator());

    assertThat(sessions.storeSessionFor(EndpointFixture.imap(993).timeoutSeconds(7).build()))
        .isNotSameAs(sessions.storeSessionFor(EndpointFixture.imap(993).timeoutSeconds(8).build()));
  }
}
