package org.syncpost.mailserver.control;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import org.syncpost.mailserver.entity.AuthorizationServer;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * Reads an authorization server's OpenID Connect discovery document ({@code
 * <issuer>/.well-known/openid-configuration}) through the Nimbus SDK, which also checks that the
 * document names the issuer it was fetched for (OpenID Connect Discovery 1.0 §4.3): any provider
 * besides the presets, e.g. Keycloak in front of an on-premises Dovecot.
 */
@ApplicationScoped
public class OAuthDiscovery {

  /**
   * The authorization server at {@code issuer}.
   *
   * @throws MailServerFailure {@code TOKEN_UNAVAILABLE} when it cannot be read, in plain words
   */
  public AuthorizationServer discover(String issuer) {
    String where = "authorization server " + issuer;
    try {
      OIDCProviderMetadata metadata =
          OIDCProviderMetadata.resolve(
              new Issuer(issuer), AccessTokens.TIMEOUT_MILLIS, AccessTokens.TIMEOUT_MILLIS);
      if (metadata.getTokenEndpointURI() == null) {
        throw MailServerFailure.of(
            FailureCause.TOKEN_UNAVAILABLE,
            where,
            "its discovery document names no token endpoint",
            "issuer " + issuer);
      }
      return new AuthorizationServer(
          java.net.URI.create(metadata.getIssuer().getValue()),
          metadata.getTokenEndpointURI(),
          metadata.getAuthorizationEndpointURI(),
          metadata.getScopes() == null ? List.of() : metadata.getScopes().toStringList(),
          metadata.getGrantTypes() == null
              ? List.of()
              : metadata.getGrantTypes().stream().map(GrantType::getValue).toList());
    } catch (GeneralException | IOException | IllegalArgumentException e) {
      throw MailServerFailure.of(
          FailureCause.TOKEN_UNAVAILABLE,
          where,
          "its OpenID Connect discovery document at "
              + issuer
              + "/.well-known/openid-configuration could not be read ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          MailServerFailure.detailOf(e));
    }
  }
}
