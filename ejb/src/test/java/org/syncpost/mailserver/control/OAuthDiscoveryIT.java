package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncpost.mailserver.entity.AuthorizationServer;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;

/** OpenID Connect discovery against a real authorization server (mock-oauth2-server). */
@Timeout(60)
class OAuthDiscoveryIT {

  private final MockOAuth2Server authorizationServer = new MockOAuth2Server();
  private final OAuthDiscovery discovery = new OAuthDiscovery();

  @BeforeEach
  void start() {
    authorizationServer.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    authorizationServer.shutdown();
  }

  @Test
  void anIssuerUrlGivesTheTokenAndAuthorizationEndpointsOfItsDiscoveryDocument() {
    String issuer = authorizationServer.issuerUrl("on-premises").toString();

    AuthorizationServer found = discovery.discover(issuer);

    assertThat(found.tokenEndpoint())
        .isEqualTo(authorizationServer.tokenEndpointUrl("on-premises").uri());
    assertThat(found.authorizationEndpoint())
        .isEqualTo(authorizationServer.authorizationEndpointUrl("on-premises").uri());
    assertThat(found.issuer().toString()).isEqualTo(issuer);
  }

  @Test
  void anIssuerWithoutDiscoveryIsTokenUnavailableNamingTheDocument() {
    String issuer = authorizationServer.baseUrl() + "no/such/issuer/at/all";
    authorizationServer.shutdown();

    MailServerFailure failure =
        catchThrowableOfType(MailServerFailure.class, () -> discovery.discover(issuer));

    assertThat(failure.failureCause()).isEqualTo(FailureCause.TOKEN_UNAVAILABLE);
    assertThat(failure.getMessage()).contains(issuer + "/.well-known/openid-configuration");
  }
}
