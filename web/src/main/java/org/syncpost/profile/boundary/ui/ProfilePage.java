package org.syncpost.profile.boundary.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.syncpost.job.entity.Job;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ServerType;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.validation.boundary.ui.FacesFeedback;

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

  private Long id;

  /** The version the form was opened with: saving refuses what someone else saved meanwhile. */
  private Long version;

  private ProfileForm form = new ProfileForm();
  private boolean passwordSet;
  private boolean outgoingPasswordSet;

  public void load() {
    if (id != null && !FacesContext.getCurrentInstance().isPostback()) {
      EmailServerProfile profile = feedback.attempt(FORM, () -> profiles.find(id));
      if (profile != null) {
        show(profile);
      }
    }
  }

  public void save() {
    EmailServerProfile saved =
        feedback.attempt(
            FORM,
            () ->
                id == null
                    ? profiles.create(form.settings(isCredentialsEntryAllowed()))
                    : profiles.update(id, form.settings(isCredentialsEntryAllowed()), version));
    form.forgetPasswords();
    if (saved != null) {
      show(saved);
      feedback.info("Profile '" + saved.getName() + "' saved.");
    }
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
