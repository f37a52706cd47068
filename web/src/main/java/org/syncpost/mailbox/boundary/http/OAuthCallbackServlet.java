package org.syncpost.mailbox.boundary.http;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.syncpost.mailbox.boundary.MailboxConnections;
import org.syncpost.mailbox.boundary.ui.PendingSignIns;
import org.syncpost.mailbox.boundary.ui.PendingSignIns.Notice;
import org.syncpost.mailbox.boundary.ui.PendingSignIns.Pending;
import org.syncpost.mailbox.entity.DelegatedStatus;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;

/**
 * Where the provider sends the person back after "Connect with …" (RFC 6749 §4.1.2): the redirect
 * URI to register. Checks that the state is one this session began (for this signed-in person),
 * exchanges the code with that sign-in's PKCE verifier, and returns to the mailbox page with what
 * happened in words. Nothing of the code or the tokens is logged or shown.
 */
@WebServlet(urlPatterns = OAuthCallbackServlet.PATH)
public class OAuthCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOGGER =
      System.getLogger(OAuthCallbackServlet.class.getName());

  /** Under /admin: only a signed-in person reaches it, and their session holds the sign-in. */
  public static final String PATH = "/admin/oauth/callback";

  @Inject transient PendingSignIns pending;
  @Inject transient MailboxConnections connections;
  @Inject transient Clock clock;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    String state = request.getParameter("state");
    Optional<Pending> begun = pending.take(state, clock.instant());
    if (begun.isEmpty() || !begun.get().user().equals(request.getRemoteUser())) {
      // the code is not used: it may be another's sign-in, or a replay
      Optional<Long> mailbox = mailboxOf(state);
      if (mailbox.isEmpty()) {
        response.sendRedirect(request.getContextPath() + "/admin/mailbox/mailboxes.xhtml");
        return;
      }
      pending.tell(
          mailbox.get(),
          new Notice(
              true,
              "This sign-in was not started from this page in your current SyncPost session, took"
                  + " longer than 15 minutes, or was already used, so the mailbox is not"
                  + " connected. Press 'Connect with …' again and finish the sign-in at the"
                  + " provider in the same browser."));
      response.sendRedirect(
          request.getContextPath() + "/admin/mailbox/mailbox.xhtml?id=" + mailbox.get());
      return;
    }
    Pending signIn = begun.get();
    pending.tell(signIn.mailboxId(), outcome(request, signIn));
    response.sendRedirect(
        request.getContextPath() + "/admin/mailbox/mailbox.xhtml?id=" + signIn.mailboxId());
  }

  /** The mailbox id a state begins with ({@code <id>.<random>}), if it has one. */
  static Optional<Long> mailboxOf(String state) {
    if (state == null || !state.matches("\\d{1,18}\\..+")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(state.substring(0, state.indexOf('.'))));
  }

  /**
   * The redirect URI to register at the provider: this server's callback, as the person sees it.
   */
  public static java.net.URI redirectUriOf(HttpServletRequest request) {
    boolean defaultPort =
        request.getServerPort() == ("https".equals(request.getScheme()) ? 443 : 80);
    return java.net.URI.create(
        request.getScheme()
            + "://"
            + request.getServerName()
            + (defaultPort ? "" : ":" + request.getServerPort())
            + request.getContextPath()
            + PATH);
  }

  private Notice outcome(HttpServletRequest request, Pending signIn) {
    String error = request.getParameter("error");
    if (error != null) {
      return new Notice(
          true, Refusals.ofAuthorization(error, request.getParameter("error_description")));
    }
    String code = request.getParameter("code");
    if (code == null || code.isBlank()) {
      return new Notice(
          true,
          "The provider sent you back without an authorization code, so the mailbox is not"
              + " connected. Press 'Connect with …' again.");
    }
    try {
      DelegatedStatus status =
          connections.connect(
              signIn.mailboxId(), code, signIn.verifierSecret(), signIn.redirectUri());
      return new Notice(
          false,
          "Connected by "
              + status.connectedBy()
              + ". SyncPost signs in to this mailbox's servers with this connection from now on;"
              + " the mailbox was tested & enabled with it (see its status below).");
    } catch (MailServerFailure failure) {
      return new Notice(true, failure.getMessage() + " " + failure.advice());
    } catch (AccessDenied | NotFound | InvalidInput refused) {
      return new Notice(true, refused.getMessage());
    } catch (EJBException failed) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Connecting mailbox {0} failed: {1}",
          signIn.mailboxId(),
          failed.getClass().getSimpleName());
      return new Notice(
          true,
          "SyncPost could not finish connecting the mailbox (an internal error, logged on the"
              + " server). Press 'Connect with …' again; if it fails again, ask your"
              + " administrator to read the server log.");
    }
  }
}
