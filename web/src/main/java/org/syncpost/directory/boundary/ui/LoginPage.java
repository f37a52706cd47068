package org.syncpost.directory.boundary.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.syncpost.api.boundary.rest.ApiSecurity;

/** The sign-in form; the check itself is the authentication mechanism's ({@code ApiSecurity}). */
@Named
@RequestScoped
public class LoginPage {

  static final String HOME = "/admin/index.xhtml";

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  private String username;
  private String password;
  private String from;

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username, password)));
    password = null;
    if (status == AuthenticationStatus.SUCCESS) {
      external.redirect(external.getRequestContextPath() + destination());
      faces.responseComplete();
    } else if (external.getRequestMap().get(ApiSecurity.LOCKED_FOR)
        instanceof java.time.Duration lockedFor) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Too many failed sign-ins: signing in is locked for "
                  + Math.max(1, (lockedFor.toSeconds() + 59) / 60)
                  + " more minute(s). Try again later, or ask an administrator.",
              null));
    } else if (external.getRequestMap().get(ApiSecurity.NO_ROLE) != null) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, ApiSecurity.NO_ROLE_DETAIL, null));
    } else if (status != AuthenticationStatus.SEND_CONTINUE) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "The user name or password is not right. Try again, or ask an administrator to"
                  + " reset your password.",
              null));
    }
  }

  /** Back where the person was going, but only within SyncPost's admin pages (no open redirect). */
  private String destination() {
    if (from != null
        && from.startsWith("/admin/")
        && !from.contains("//")
        && !from.contains("\\")) {
      return from;
    }
    return HOME;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }
}
