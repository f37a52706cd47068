package org.syncpost.profile.boundary.ui;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.profile.entity.OAuthSettings;
import org.syncpost.profile.entity.ProviderPreset;

/**
 * The profile form's OAuth 2.0 client (issue 15) as the administrator edits it. The client secret
 * and the private key are write-only, as passwords are: the page learns only whether one is stored
 * ("set" / "not set"); a stored one is replaced by asking to replace it and typing, pasting or
 * uploading the new one, held only between submit and save.
 */
public class OAuthClientForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private OAuthGrant grant;
  private String tokenEndpoint;
  private String authorizationEndpoint;
  private String issuer;
  private String clientId;
  private String keyId;
  private String scopes;
  private transient String clientSecret;
  private transient String privateKey;
  private boolean clientSecretSet;
  private boolean privateKeySet;
  private boolean replacingClientSecret;
  private boolean replacingPrivateKey;
  private Instant lastTokenAt;

  static OAuthClientForm of(OAuthSettings stored, Instant lastTokenAt) {
    OAuthClientForm form = new OAuthClientForm();
    form.grant = stored.getGrant();
    form.tokenEndpoint = stored.getTokenEndpoint();
    form.authorizationEndpoint = stored.getAuthorizationEndpoint();
    form.clientId = stored.getClientId();
    form.keyId = stored.getKeyId();
    form.scopes = stored.getScopes();
    form.clientSecretSet = stored.isClientSecretSet();
    form.privateKeySet = stored.isPrivateKeySet();
    form.lastTokenAt = lastTokenAt;
    return form;
  }

  /** A provider's grant, endpoints and scopes: only the client id and its secret or key remain. */
  void startFrom(ProviderPreset preset) {
    grant = preset.grant();
    tokenEndpoint = preset.tokenEndpoint();
    authorizationEndpoint = preset.authorizationEndpoint();
    scopes = preset.scopes();
    issuer = null;
  }

  /**
   * Any OpenID Connect provider: the endpoints come from its issuer's discovery document on save,
   * so none of another provider's may stay.
   */
  void startFromIssuer() {
    tokenEndpoint = null;
    authorizationEndpoint = null;
    scopes = null;
  }

  /** Whether the administrator gave anything to save: a client id, or an issuer to discover. */
  boolean isEntered() {
    return !blank(clientId) || !blank(issuer);
  }

  /**
   * What {@code Profiles.configureOAuth} takes: the form as shown, a secret or key left empty keeps
   * the stored one. Over a channel where secrets may not travel, none is taken.
   */
  OAuthSettings.Input input(boolean secretsAccepted) {
    return new OAuthSettings.Input(
        grant,
        tokenEndpoint,
        authorizationEndpoint,
        clientId,
        secretsAccepted ? secret(clientSecret) : null,
        secretsAccepted ? secret(privateKey) : null,
        keyId,
        scopes,
        issuer);
  }

  /** After a save: nothing secret stays in the view, and what was saved is shown as set. */
  void saved(OAuthSettings stored, Instant lastTokenAt) {
    OAuthClientForm shown = of(stored, lastTokenAt);
    shown.issuer = issuer;
    copy(shown);
  }

  /** The uploaded key file's PEM text, as if pasted. */
  void keyUploaded(byte[] pem) {
    privateKey = new String(pem, StandardCharsets.UTF_8);
    replacingPrivateKey = true;
  }

  private void copy(OAuthClientForm shown) {
    grant = shown.grant;
    tokenEndpoint = shown.tokenEndpoint;
    authorizationEndpoint = shown.authorizationEndpoint;
    issuer = shown.issuer;
    clientId = shown.clientId;
    keyId = shown.keyId;
    scopes = shown.scopes;
    clientSecret = null;
    privateKey = null;
    clientSecretSet = shown.clientSecretSet;
    privateKeySet = shown.privateKeySet;
    replacingClientSecret = false;
    replacingPrivateKey = false;
    lastTokenAt = shown.lastTokenAt;
  }

  /** Forgets typed secrets, e.g. after a refused save: they are never sent back to the page. */
  void forgetSecrets() {
    clientSecret = null;
    privateKey = null;
  }

  private static Secret secret(String typed) {
    return typed == null || typed.isBlank() ? null : Secret.of(typed.strip());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** The secret's field is open when none is stored, or the administrator asked to replace it. */
  public boolean isClientSecretEditable() {
    return !clientSecretSet || replacingClientSecret;
  }

  public boolean isPrivateKeyEditable() {
    return !privateKeySet || replacingPrivateKey;
  }

  public void replaceClientSecret() {
    replacingClientSecret = true;
  }

  public void replacePrivateKey() {
    replacingPrivateKey = true;
  }

  public OAuthGrant getGrant() {
    return grant;
  }

  public void setGrant(OAuthGrant grant) {
    this.grant = grant;
  }

  public String getTokenEndpoint() {
    return tokenEndpoint;
  }

  public void setTokenEndpoint(String tokenEndpoint) {
    this.tokenEndpoint = tokenEndpoint;
  }

  public String getAuthorizationEndpoint() {
    return authorizationEndpoint;
  }

  public void setAuthorizationEndpoint(String authorizationEndpoint) {
    this.authorizationEndpoint = authorizationEndpoint;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getKeyId() {
    return keyId;
  }

  public void setKeyId(String keyId) {
    this.keyId = keyId;
  }

  public String getScopes() {
    return scopes;
  }

  public void setScopes(String scopes) {
    this.scopes = scopes;
  }

  /** Write-only. */
  public String getClientSecret() {
    return null;
  }

  public void setClientSecret(String clientSecret) {
    if (clientSecret != null && !clientSecret.isEmpty()) {
      this.clientSecret = clientSecret;
    }
  }

  /** Write-only: a pasted key is never shown again, not even after a refused save. */
  public String getPrivateKey() {
    return null;
  }

  public void setPrivateKey(String privateKey) {
    if (privateKey != null && !privateKey.isBlank()) {
      this.privateKey = privateKey;
    }
  }

  public boolean isClientSecretSet() {
    return clientSecretSet;
  }

  public boolean isPrivateKeySet() {
    return privateKeySet;
  }

  /** A key was uploaded or pasted and waits for Save. */
  public boolean isPrivateKeyEntered() {
    return privateKey != null;
  }

  public Instant getLastTokenAt() {
    return lastTokenAt;
  }
}
