package org.syncpost.testing.oauth;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * A person's consent at mock-oauth2-server, which a test can withdraw: enqueued before the person
 * signs in, mock-oauth2-server keeps it with the refresh token it issues and asks it again for
 * every refresh, so once {@link #revoke revoked} each refresh is answered {@code invalid_grant}, as
 * Microsoft and Google answer a withdrawn consent (RFC 6749 §5.2). Its tokens carry {@code
 * token_type} Bearer, which Dovecot's introspection requires, and live {@code lifetime}.
 */
public final class RevocableConsent implements OAuth2TokenCallback {

  private final OAuth2TokenCallback granted;
  private final AtomicBoolean revoked = new AtomicBoolean();

  /**
   * @param issuerId the mock server's issuer path
   * @param subject the token's {@code sub} when the sign-in names none (the interactive login page
   *     sets it to what the person typed)
   * @param lifetime how long each access token lives
   */
  public RevocableConsent(String issuerId, String subject, Duration lifetime) {
    this.granted =
        new DefaultOAuth2TokenCallback(
            issuerId,
            subject,
            "JWT",
            List.of("mail"),
            Map.of("token_type", "Bearer"),
            lifetime.toSeconds());
  }

  /** The person withdraws SyncPost's access: every refresh from now on is refused. */
  public void revoke() {
    revoked.set(true);
  }

  private void refuseIfRevoked() {
    if (revoked.get()) {
      throw new OAuth2Exception(
          OAuth2Error.INVALID_GRANT.setDescription("the user withdrew the consent"),
          "consent withdrawn");
    }
  }

  @Override
  public String issuerId() {
    return granted.issuerId();
  }

  @Override
  public String subject(TokenRequest request) {
    refuseIfRevoked();
    return granted.subject(request);
  }

  @Override
  public String typeHeader(TokenRequest request) {
    return granted.typeHeader(request);
  }

  @Override
  public List<String> audience(TokenRequest request) {
    refuseIfRevoked();
    return granted.audience(request);
  }

  @Override
  public Map<String, Object> addClaims(TokenRequest request) {
    refuseIfRevoked();
    return granted.addClaims(request);
  }

  @Override
  public long tokenExpiry() {
    return granted.tokenExpiry();
  }
}
