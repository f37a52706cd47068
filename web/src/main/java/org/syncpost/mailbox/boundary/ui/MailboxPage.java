package org.syncpost.mailbox.boundary.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.syncpost.mailbox.boundary.MailboxConnections;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.boundary.http.OAuthCallbackServlet;
import org.syncpost.mailbox.control.DelegatedAccess;
import org.syncpost.mailbox.entity.ActionAfterProcessing;
import org.syncpost.mailbox.entity.DelegatedStatus;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.validation.boundary.ui.FacesFeedback;
import org.syncpost.validation.entity.NotFound;

/**
 * One mailbox: its settings and credentials, its test statuses and sync health, approve or reject,
 * and test & enable while the person waits. Mailbox owners change only the credentials.
 */
@Named
@ViewScoped
public class MailboxPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "mailbox";
  private static final int PROFILES_OFFERED = 1000;

  @Inject transient Mailboxes mailboxes;
  @Inject transient MailboxTests tests;
  @Inject transient Profiles profiles;
  @Inject transient Settings settings;
  @Inject transient FacesFeedback feedback;
  @Inject transient MailboxConnections connections;
  @Inject transient PendingSignIns pendingSignIns;
  @Inject transient Clock clock;

  private Long id;
  private Mailbox mailbox;
  private MailboxForm form;
  private List<EmailServerProfile> profileChoices = List.of();
  private DelegatedStatus delegatedStatus;

  public void load() {
    if (id != null && !FacesContext.getCurrentInstance().isPostback()) {
      show(feedback.attempt(FORM, this::findShown));
      if (mailbox != null && isAdministrator()) {
        profileChoices = profiles.list(0, PROFILES_OFFERED);
      }
      if (isConnectable()) {
        delegatedStatus = feedback.attempt(FORM, () -> connections.status(id));
        pendingSignIns
            .noticeFor(id)
            .ifPresent(
                notice -> {
                  if (notice.failed()) {
                    feedback.error(notice.text());
                  } else {
                    feedback.info(notice.text());
                  }
                });
      }
    }
  }

  /**
   * "Connect with …": begins a delegated sign-in at the provider (RFC 6749 §4.1 with PKCE) and
   * sends the person there; the state and the verifier stay in their session for the callback.
   * Called by Ajax: PrimeFaces follows the redirect by script, while a form post redirected to the
   * provider would be stopped by the pages' {@code form-action 'self'} (SecurityHeaders).
   */
  public void connect() throws IOException {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    if (!request.isSecure()) {
      feedback.error(
          "Connect the mailbox over HTTPS: the sign-in gives SyncPost access to the mailbox, so"
              + " it is not begun over plain HTTP. Open this page with https://.");
      return;
    }
    URI redirectUri = OAuthCallbackServlet.redirectUriOf(request);
    MailboxConnections.SignInStarted started =
        feedback.attempt(FORM, () -> connections.start(id, redirectUri));
    if (started == null) {
      return;
    }
    pendingSignIns.begin(
        started.state(),
        new PendingSignIns.Pending(
            id,
            request.getRemoteUser(),
            started.verifier().reveal(),
            redirectUri,
            clock.instant()));
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .redirect(started.authorizationUri().toString());
  }

  /**
   * The mailbox's profile signs in by delegated OAuth 2.0 and the person may connect it: its owner
   * or an administrator.
   */
  public boolean isConnectable() {
    return mailbox != null && DelegatedAccess.isDelegated(mailbox.getProfile()) && isSendAllowed();
  }

  /** "Connected by X on D", "not connected" or "connect again", for the page. */
  public DelegatedStatus getDelegatedStatus() {
    return delegatedStatus;
  }

  public void save() {
    Mailbox saved =
        feedback.attempt(
            FORM,
            // the version shown: saving refuses what someone else saved since
            () ->
                mailboxes.update(
                    id, form.settings(isCredentialsEntryAllowed()), mailbox.getVersion()));
    form.forgetPassword();
    if (saved != null) {
      show(saved);
      feedback.info("Mailbox '" + saved.getName() + "' saved.");
    }
  }

  public void approve() {
    decided(feedback.attempt(FORM, () -> mailboxes.approve(id)), "approved");
  }

  public void reject() {
    decided(feedback.attempt(FORM, () -> mailboxes.reject(id)), "rejected");
  }

  /** Protocol tracing on or off for this mailbox's next connections (administrators). */
  public void toggleProtocolTrace() {
    boolean on = !mailbox.isProtocolTrace();
    Mailbox traced = feedback.attempt(FORM, () -> mailboxes.traceProtocol(id, on));
    if (traced != null) {
      show(traced);
      feedback.info(
          on
              ? "Protocol trace on: the next connections of '"
                  + traced.getName()
                  + "' are logged under org.syncpost.mailserver.trace, passwords left out."
              : "Protocol trace off for '" + traced.getName() + "'.");
    }
  }

  private void decided(Mailbox decided, String outcome) {
    if (decided != null) {
      show(decided);
      feedback.info("Email of '" + decided.getName() + "' " + outcome + ".");
    }
  }

  /** One mailbox is tested while the person waits: the answer comes in seconds. */
  public void testAndEnable() {
    Mailbox tested = feedback.attempt(FORM, () -> tests.testAndEnable(id, false));
    if (tested != null) {
      show(tested);
      feedback.info(
          "Tested: incoming "
              + tested.getIncoming().getStatus()
              + ", outgoing "
              + tested.getOutgoing().getStatus()
              + ". See the mailbox's alerts for details.");
    }
  }

  private void show(Mailbox shown) {
    if (shown != null) {
      mailbox = shown;
      form = MailboxForm.of(shown);
    }
  }

  /** The mailbox of the page's id, or null when there is none: the page itself says so then. */
  private Mailbox findShown() {
    try {
      return mailboxes.find(id);
    } catch (NotFound gone) {
      return null;
    }
  }

  /** Administrators send from any mailbox, its owner from their own (as Outbox decides). */
  public boolean isSendAllowed() {
    if (mailbox == null) {
      return false;
    }
    String caller = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    return isAdministrator()
        || (mailbox.getOwner() != null && mailbox.getOwner().getName().equals(caller));
  }

  private boolean isAdministrator() {
    return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("administrator");
  }

  /** As on the profile form: passwords only over HTTPS unless the organisation allows HTTP. */
  public boolean isCredentialsEntryAllowed() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return request.isSecure() || settings.allowsCredentialsOverHttp();
  }

  public List<DeliveryMethod> getDeliveryMethods() {
    return Arrays.asList(DeliveryMethod.values());
  }

  public List<ActionAfterProcessing> getActionsAfterProcessing() {
    return Arrays.asList(ActionAfterProcessing.values());
  }

  public List<EmailServerProfile> getProfileChoices() {
    return profileChoices;
  }

  public Mailbox getMailbox() {
    return mailbox;
  }

  public MailboxForm getForm() {
    return form;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
