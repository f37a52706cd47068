package org.syncpost.mailserver.control;

import java.io.IOException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;

/**
 * Makes {@link OAuthBearerSaslClient} known to {@code javax.security.sasl}, where Angus Mail's IMAP
 * and SMTP look for SASL mechanisms when {@code mail.<protocol>.sasl.enable} is on: a security
 * provider naming this factory for {@code SaslClientFactory.OAUTHBEARER}, as Angus registers its
 * own factory for XOAUTH2 (ADR 0024). Angus' callback handler gives the user name and, as the
 * password, the access token.
 */
public final class OAuthBearerSaslClientFactory implements SaslClientFactory {

  static final String PROVIDER_NAME = "SyncPost-OAUTHBEARER";

  /**
   * Registers the provider once per deployment: a provider left by an earlier deployment of
   * SyncPost (another class loader, its classes unloaded with it) is replaced.
   */
  static synchronized void register() {
    Provider registered = Security.getProvider(PROVIDER_NAME);
    if (registered != null && registered.getClass() == OAuthBearerProvider.class) {
      return;
    }
    if (registered != null) {
      Security.removeProvider(PROVIDER_NAME);
    }
    Security.addProvider(new OAuthBearerProvider());
  }

  @Override
  public SaslClient createSaslClient(
      String[] mechanisms,
      String authorizationId,
      String protocol,
      String serverName,
      Map<String, ?> props,
      CallbackHandler handler)
      throws SaslException {
    if (!Arrays.asList(mechanisms).contains(OAuthBearerSaslClient.MECHANISM)) {
      return null;
    }
    NameCallback user = new NameCallback("user");
    PasswordCallback token = new PasswordCallback("access token", false);
    try {
      handler.handle(new Callback[] {user, token});
    } catch (IOException | UnsupportedCallbackException e) {
      throw new SaslException("the user and access token for OAUTHBEARER are not available", e);
    }
    char[] value = token.getPassword();
    token.clearPassword();
    return new OAuthBearerSaslClient(user.getName(), value, serverName, 0);
  }

  @Override
  public String[] getMechanismNames(Map<String, ?> props) {
    return new String[] {OAuthBearerSaslClient.MECHANISM};
  }

  /** The security provider that names the factory; the JDK loads it with this class's loader. */
  static final class OAuthBearerProvider extends Provider {

    private static final long serialVersionUID = 1L;

    OAuthBearerProvider() {
      super(PROVIDER_NAME, "1.0", "SASL OAUTHBEARER client (RFC 7628) for SyncPost");
      put(
          "SaslClientFactory." + OAuthBearerSaslClient.MECHANISM,
          OAuthBearerSaslClientFactory.class.getName());
    }
  }
}
