package org.syncpost.profile.boundary.ui;

import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import org.primefaces.event.FileUploadEvent;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.job.entity.Job;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailbox.entity.ConnectionCheck;
import org.syncpost.mailserver.control.AccessTokens;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.OAuthSettings;
import org.syncpost.profile.entity.ProfileSettings;
import org.syncpost.profile.entity.ProviderPreset;
import org.syncpost.profile.entity.ServerType;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.validation.boundary.ui.FacesFeedback;
import org.syncpost.validation.entity.InvalidInput;

/** Create or edit one email server profile, grouped as the admin guide groups it. */
@Named
@ViewScoped
public class ProfilePage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "profile";

  @Inject transient Profiles profiles;
  @Inject transient MailboxTests tests;
  @Inject transient Settings settings;
  @Inject transient FacesFeedback feedback;
  @Inject transient AccessTokens accessTokens;

  /** The choice of a new profile that starts from no provider but an OpenID Connect issuer. */
  static final String OPENID_CONNECT = "OPENID_CONNECT";

  private Long id;

  /** The version the form was opened with: saving refuses what someone else saved meanwhile. */
  private Long version;

  private ProfileForm form = new ProfileForm();
  private OAuthClientForm oauth = new OAuthClientForm();

  /** The provider preset (or {@link #OPENID_CONNECT}) a new profile started from, or null. */
  private String preset;

  private transient List<ProviderPreset> presets;
  private boolean passwordSet;
  private boolean outgoingPasswordSet;
  private transient ConnectionCheck connectionCheck;
  private String testUsername;
  private transient String testPassword;

  public void load() {
    if (id != null && !FacesContext.getCurrentInstance().isPostback()) {
      EmailServerProfile profile = feedback.attempt(FORM, () -> profiles.find(id));
      if (profile != null) {
        show(profile);
        oauth = OAuthClientForm.of(profile.getOAuth(), lastTokenAt(profile));
      }
    }
  }

  /**
   * Saves the profile, then its OAuth client when it signs in by OAuth and a client id or issuer
   * was entered, through the same facade operation as {@code PUT /profiles/{id}/oauth}. A new
   * profile from a preset whose client is not entered yet keeps the preset's endpoints and scopes.
   */
  public void save() {
    boolean secure = isCredentialsEntryAllowed();
    ProviderPreset startedFrom = id == null && !oauth.isEntered() ? chosenPreset() : null;
    EmailServerProfile saved =
        feedback.attempt(
            FORM,
            () ->
                id == null
                    ? create(form.settings(secure), startedFrom)
                    : profiles.update(id, form.settings(secure), version));
    form.forgetPasswords();
    if (saved == null) {
      oauth.forgetSecrets();
      return;
    }
    show(saved);
    if (isSignsInByOAuth() && oauth.isEntered()) {
      long savedId = saved.getId();
      EmailServerProfile withClient = feedback.attempt(FORM, () -> configureOAuth(savedId, secure));
      oauth.forgetSecrets();
      if (withClient == null) {
        feedback.error(
            "Profile '"
                + saved.getName()
                + "' saved, but not its OAuth client: correct the fields marked and save again.");
        return;
      }
      saved = profiles.find(savedId);
      show(saved);
      oauth.saved(saved.getOAuth(), lastTokenAt(saved));
    } else {
      oauth = OAuthClientForm.of(saved.getOAuth(), lastTokenAt(saved));
    }
    feedback.info("Profile '" + saved.getName() + "' saved.");
  }

  /** An issuer whose discovery document could not be read is a problem of the issuer field. */
  private EmailServerProfile configureOAuth(long profileId, boolean secure) {
    try {
      return profiles.configureOAuth(profileId, oauth.input(secure), null);
    } catch (MailServerFailure undiscovered) {
      throw InvalidInput.of("issuer", undiscovered.getMessage());
    }
  }

  private EmailServerProfile create(ProfileSettings settings, ProviderPreset startedFrom) {
    return startedFrom == null ? profiles.create(settings) : profiles.create(settings, startedFrom);
  }

  /**
   * "Test connection": signs in to both servers with what the form holds now, saved or not, and
   * shows each step's result in the form. Typed passwords stay in the form (only the result is
   * re-rendered), so that Save still has them.
   */
  public void testConnection() {
    String username = testUsername;
    Secret password =
        isCredentialsEntryAllowed() && testPassword != null && !testPassword.isEmpty()
            ? Secret.of(testPassword)
            : null;
    testPassword = null;
    connectionCheck =
        feedback.attempt(
            FORM,
            () ->
                tests.testProfileConnection(
                    form.settings(isCredentialsEntryAllowed()), id, username, password));
  }

  /** The last "test connection" of this form, or null. */
  public ConnectionCheck getConnectionCheck() {
    return connectionCheck;
  }

  public String getTestUsername() {
    return testUsername;
  }

  public void setTestUsername(String testUsername) {
    this.testUsername = testUsername;
  }

  /** Write-only. */
  public String getTestPassword() {
    return null;
  }

  public void setTestPassword(String testPassword) {
    this.testPassword = testPassword;
  }

  /** The guide's "Test & Enable Mailboxes" for every mailbox of this profile, as a job. */
  public void testAndEnableMailboxes() throws IOException {
    Job job = feedback.attempt(FORM, () -> tests.testAndEnableProfile(id));
    if (job != null) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(
              FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                  + "/admin/job/job.xhtml?id="
                  + job.getId());
    }
  }

  private void show(EmailServerProfile profile) {
    id = profile.getId();
    version = profile.getVersion();
    form = ProfileForm.of(profile);
    passwordSet = profile.getIncoming().isPasswordSet();
    outgoingPasswordSet = profile.getOutgoing().isPasswordSet();
  }

  /** When this server last got a token with the profile's client: proof that it works. */
  private Instant lastTokenAt(EmailServerProfile profile) {
    return profile.getOAuth().client().flatMap(accessTokens::lastIssued).orElse(null);
  }

  /** The providers a new profile can start from, as data (no call to any provider). */
  public List<ProviderPreset> getPresets() {
    if (presets == null) {
      presets = profiles.presets();
    }
    return presets;
  }

  private ProviderPreset chosenPreset() {
    if (preset == null || preset.isEmpty() || OPENID_CONNECT.equals(preset)) {
      return null;
    }
    return getPresets().stream().filter(p -> p.id().equals(preset)).findFirst().orElse(null);
  }

  /**
   * Fills the form from the chosen provider: servers, ports, TLS, sign-in and its OAuth grant,
   * endpoints and scopes; the administrator then enters the client id and its secret or key. "Any
   * OpenID Connect provider" signs in by OAuth with endpoints discovered from the issuer on save.
   */
  public void applyPreset() {
    if (OPENID_CONNECT.equals(preset)) {
      PresetFilling.fillForIssuer(form, oauth);
      return;
    }
    ProviderPreset chosen = chosenPreset();
    if (chosen != null) {
      PresetFilling.fill(chosen, form, oauth).ifPresent(feedback::error);
    }
  }

  /** What else the chosen provider needs, in words; null without a provider. */
  public String getPresetNote() {
    if (OPENID_CONNECT.equals(preset)) {
      return "Enter the issuer URL below: the token and authorization endpoints are read from its"
          + " /.well-known/openid-configuration when you save.";
    }
    return Optional.ofNullable(chosenPreset()).map(ProviderPreset::note).orElse(null);
  }

  /** A private key file (PEM) uploaded instead of pasted; held until Save like a typed one. */
  public void uploadPrivateKey(FileUploadEvent event) {
    if (!isCredentialsEntryAllowed()) {
      feedback.error("Private keys can be uploaded only over HTTPS.");
      return;
    }
    if (event.getFile().getSize() > OAuthSettings.MAX_PRIVATE_KEY_LENGTH) {
      feedback.error(
          "The uploaded file is larger than a private key (at most "
              + OAuthSettings.MAX_PRIVATE_KEY_LENGTH
              + " characters of PEM): choose the key's .pem file, or paste the key.");
      return;
    }
    oauth.keyUploaded(event.getFile().getContent());
  }

  /** The OAuth client's fields show only where the profile signs in by OAuth. */
  public boolean isSignsInByOAuth() {
    return form.getIncomingCredentialSource() == CredentialSource.OAUTH2
        || (!form.isUseSameSettingsForOutgoing()
            && form.getOutgoingCredentialSource() == CredentialSource.OAUTH2);
  }

  /**
   * Before a secret's field is rendered: what was typed into it is dropped, so that a submit
   * refused by another field's check cannot render a pasted key back into the page.
   */
  public void forgetTyped(ComponentSystemEvent event) {
    ((EditableValueHolder) event.getComponent()).resetValue();
  }

  /** Every grant there is: a new one appears here with the fields its properties ask for. */
  public List<OAuthGrant> getGrants() {
    return Arrays.asList(OAuthGrant.values());
  }

  /** The grant in words where the words have it, else its name. */
  public String grantLabel(OAuthGrant grant) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle words = faces.getApplication().getResourceBundle(faces, "words");
    String key = "OAuthGrant." + grant.name();
    return words != null && words.containsKey(key) ? words.getString(key) : grant.name();
  }

  public OAuthClientForm getOauth() {
    return oauth;
  }

  public String getPreset() {
    return preset;
  }

  public void setPreset(String preset) {
    this.preset = preset;
  }

  /**
   * Passwords travel only over HTTPS, unless the organisation allowed plain HTTP: typed over plain
   * HTTP, anyone on the network could read them.
   */
  public boolean isCredentialsEntryAllowed() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return request.isSecure() || settings.allowsCredentialsOverHttp();
  }

  /** User name and password belong to the profile only when it holds the credentials. */
  public boolean isProfileCredentials() {
    return form.getIncomingCredentialSource() == CredentialSource.PROFILE;
  }

  public boolean isOutgoingProfileCredentials() {
    return !form.isUseSameSettingsForOutgoing()
        && form.getOutgoingCredentialSource() == CredentialSource.PROFILE;
  }

  public List<ServerType> getServerTypes() {
    return Arrays.asList(ServerType.values());
  }

  /** Anonymous is listed so that the person sees why it is refused, as the guide does. */
  public List<CredentialSource> getIncomingCredentialSources() {
    return Arrays.stream(CredentialSource.values())
        .filter(s -> s.validForIncoming() || s == CredentialSource.ANONYMOUS)
        .toList();
  }

  public List<CredentialSource> getOutgoingCredentialSources() {
    return Arrays.asList(CredentialSource.values());
  }

  public List<AuthProtocol> getAuthProtocols() {
    return Arrays.asList(AuthProtocol.values());
  }

  public List<RevocationCheck> getRevocationChecks() {
    return Arrays.asList(RevocationCheck.values());
  }

  public String label(CredentialSource source) {
    return switch (source) {
      case USER_OR_QUEUE -> "Credentials specified by a user or queue";
      case PROFILE -> "Credentials specified in email server profile";
      case SERVER_IDENTITY -> "Server identity (outgoing only)";
      case OAUTH2 -> "OAuth 2.0 (XOAUTH2)";
      case ANONYMOUS -> "Without credentials (anonymous): not valid";
    };
  }

  public boolean isNew() {
    return id == null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public ProfileForm getForm() {
    return form;
  }

  public boolean isPasswordSet() {
    return passwordSet;
  }

  public boolean isOutgoingPasswordSet() {
    return outgoingPasswordSet;
  }
}
